import { model } from "@medusajs/framework/utils"

// One row per search a shopper made (submitted or opened a result): recent searches per customer or
// device, hot searches across everyone. `actor` is `cus_…` or `device:<id>`.
const SearchQueryLog = model
  .define("search_query_log", {
    id: model.id({ prefix: "sql" }).primaryKey(),
    actor: model.text(),
    q: model.text(),
    q_norm: model.text(),
    hits: model.number().default(0),
  })
  .indexes([{ on: ["actor", "created_at"] }, { on: ["q_norm", "created_at"] }])

export default SearchQueryLog
