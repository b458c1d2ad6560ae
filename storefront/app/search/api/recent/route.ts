import { NextResponse, type NextRequest } from "next/server"
import { clearRecentSearches, deviceId, recordSearch, SearchRequestError } from "@/lib/search/client"

// Recent searches of this visitor: the customer when signed in, else this device (cookie).
export async function POST(req: NextRequest) {
  const body = (await req.json().catch(() => ({}))) as { q?: unknown }
  if (typeof body.q !== "string" || !body.q.trim()) return NextResponse.json({ code: "invalid_request", message: "q is required" }, { status: 400 })
  try {
    return NextResponse.json({ recent: await recordSearch(body.q.trim().slice(0, 100), await deviceId(true)) })
  } catch (e) {
    const err = e as SearchRequestError
    return NextResponse.json({ code: err.code ?? "error", message: err.message }, { status: err.status ?? 502 })
  }
}

export async function DELETE() {
  await clearRecentSearches(await deviceId(true)).catch(() => undefined)
  return NextResponse.json({ recent: [] })
}
