import { NextResponse, type NextRequest } from "next/server"
import { searchProducts, SearchRequestError } from "@/lib/search/client"
import { parseSearchParams } from "@/lib/search/types"

// The search page's as-you-type requests: forwarded to GET /store/search with the publishable key.
export async function GET(req: NextRequest) {
  const params = parseSearchParams(Object.fromEntries(req.nextUrl.searchParams))
  if (!params.q.trim()) return NextResponse.json({ code: "invalid_request", message: "q is required" }, { status: 400 })
  const offset = Number(req.nextUrl.searchParams.get("offset") ?? 0)
  try {
    return NextResponse.json(await searchProducts({ ...params, limit: 20, offset: Number.isFinite(offset) ? offset : 0 }))
  } catch (e) {
    const err = e as SearchRequestError
    return NextResponse.json({ code: err.code ?? "error", message: err.message }, { status: err.status ?? 502 })
  }
}
