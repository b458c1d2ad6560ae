import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MeilisearchSearchService } from "./service"

export { MeilisearchSearchService } from "./service"
export { toMeiliFilter } from "./filters"

// Registered by medusa-config.js as the Search Module's provider "meilisearch" when MEILISEARCH_HOST is set.
export default ModuleProvider(Modules.SEARCH, { services: [MeilisearchSearchService as any] })
