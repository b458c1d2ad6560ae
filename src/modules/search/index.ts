import { Module } from "@medusajs/framework/utils"
import SearchHistoryModuleService from "./service"

// Recent and hot searches. The Chinese-aware provider of Medusa's Search Module is ./postgres-zh.
export const SEARCH_HISTORY_MODULE = "searchHistory"

export default Module(SEARCH_HISTORY_MODULE, { service: SearchHistoryModuleService })
