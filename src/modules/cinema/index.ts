import { Module } from "@medusajs/framework/utils"
import CinemaModuleService from "./service"

export const CINEMA_MODULE = "cinema"

export default Module(CINEMA_MODULE, { service: CinemaModuleService })
