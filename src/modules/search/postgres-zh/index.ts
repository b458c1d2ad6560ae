import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ChinesePostgresSearchService } from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [ChinesePostgresSearchService as any] })
