import { model } from "@medusajs/framework/utils"

const Film = model.define("cinema_film", {
  id: model.id({ prefix: "film" }).primaryKey(),
  title: model.text().searchable(),
  original_title: model.text().nullable(),
  synopsis: model.text().nullable(),
  poster_url: model.text().nullable(),
  duration_minutes: model.number(),
  /** age rating, e.g. "PG-13" */
  rating: model.text().nullable(),
  /** critics' score × 10 (8.6 → 86) */
  score: model.number().nullable(),
  genres: model.json().default({ values: [] } as any),
  languages: model.json().default({ values: [] } as any),
  release_date: model.dateTime().nullable(),
  status: model.enum(["showing", "coming_soon", "archived"]).default("showing"),
})

export default Film
