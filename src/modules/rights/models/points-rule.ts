import { model } from "@medusajs/framework/utils"

/** How far points may pay for a scene ("*" is the default for every scene without its own rule). */
const PointsRule = model
  .define("points_rule", {
    id: model.id({ prefix: "prule" }).primaryKey(),
    scene: model.text(),
    /** at most this share (basis points) of the scene's lines after benefits may be paid in points */
    max_burn_bps: model.number(),
  })
  .indexes([{ on: ["scene"], unique: true, where: "deleted_at IS NULL" }])
  .checks([{ name: "points_rule_bps_range", expression: (c) => `${c.max_burn_bps} >= 0 AND ${c.max_burn_bps} <= 10000` }])

export default PointsRule
