// Per-terminal fixed-window limit, kept in this process: with N API servers a terminal gets at
// most N × the limit, which still stops a runaway device.
const WINDOW_MS = 10_000
const windows = new Map<string, { start: number; count: number }>()

export function terminalRateLimit(): number {
  return Number(process.env.TERMINAL_RATE_LIMIT_PER_10S || 200)
}

export function allowTerminalRequest(terminalId: string, now = Date.now()): boolean {
  const w = windows.get(terminalId)
  if (!w || now - w.start >= WINDOW_MS) {
    windows.set(terminalId, { start: now, count: 1 })
    if (windows.size > 10_000) {
      for (const [id, entry] of windows) if (now - entry.start >= WINDOW_MS) windows.delete(id)
    }
    return true
  }
  w.count++
  return w.count <= terminalRateLimit()
}
