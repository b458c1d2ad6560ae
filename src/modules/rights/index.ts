import { Module } from "@medusajs/framework/utils"
import RightsModuleService from "./service"

export const RIGHTS_MODULE = "rights"

export default Module(RIGHTS_MODULE, { service: RightsModuleService })
