import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CINEMA_MODULE } from "../../../modules/cinema"
import type CinemaModuleService from "../../../modules/cinema/service"
import { filmView } from "../../store/showtimes/showtime-view"

export function filmInput(b: any) {
  const out: any = { ...b }
  if (b.genres) out.genres = { values: b.genres }
  if (b.languages) out.languages = { values: b.languages }
  if (b.score !== undefined) out.score = b.score == null ? null : Math.round(b.score * 10)
  return out
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  res.json({ films: (await cinema.listFilms({}, { order: { title: "ASC" } })).map(filmView) })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cinema: CinemaModuleService = req.scope.resolve(CINEMA_MODULE)
  const film = await cinema.createFilms(filmInput(req.validatedBody))
  res.status(201).json({ film: filmView(film) })
}
