import { Module } from "@medusajs/framework/utils"
import TravelModuleService from "./service"

export const TRAVEL_MODULE = "travel"

export default Module(TRAVEL_MODULE, { service: TravelModuleService })
