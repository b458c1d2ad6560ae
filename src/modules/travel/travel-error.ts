/** A refusal with a stable machine code and the HTTP status the store and admin routes answer with. */
export class TravelError extends Error {
  constructor(public code: string, message: string, public status = 400) {
    super(message)
    this.name = "TravelError"
  }
}

export function isTravelError(e: unknown): e is TravelError {
  return !!e && typeof e === "object" && (e as any).name === "TravelError" && typeof (e as any).code === "string"
}
