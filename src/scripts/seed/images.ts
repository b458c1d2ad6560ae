/**
 * Demo artwork generated at seed time: one SVG per product and per category, written to
 * `<root>/static/demo/<handle>.svg` (Medusa serves `<cwd>/static` at `/static`). Drawn with plain
 * shapes so it renders the same everywhere — no emoji fonts, no hotlinked photos.
 */
import fs from "fs"
import path from "path"
import type { Scene } from "./catalogue"

const SIZE = 800
const FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"

type Palette = { from: string; to: string; accent: string; ink: string; label: string }

const PALETTES: Record<Scene, Palette> = {
  meal: { from: "#FF9A44", to: "#E8412C", accent: "#FFE3B3", ink: "#7A1F0E", label: "美食 MEAL" },
  movie: { from: "#7B5CFF", to: "#2B1B8F", accent: "#FFD66B", ink: "#1B1060", label: "電影 MOVIE" },
  mall: { from: "#2ED3B7", to: "#0B7A75", accent: "#E6FFF8", ink: "#064E4A", label: "商城 MALL" },
  travel: { from: "#4FB3FF", to: "#1554C0", accent: "#FFF3C4", ink: "#0B2F6E", label: "旅遊 TRAVEL" },
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
}

/** Small deterministic hash so each card gets its own but stable decoration. */
function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** Approximate rendered width in ems: CJK glyphs are square, Latin roughly half. */
function emWidth(s: string): number {
  let w = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    w += cp > 0x2e80 ? 1 : ch === " " ? 0.3 : /[A-Z0-9¥]/.test(ch) ? 0.62 : 0.52
  }
  return w
}

/** Wraps on spaces (or anywhere between CJK glyphs) to fit maxEm; at most maxLines lines. */
function wrap(text: string, maxEm: number, maxLines: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g) ?? []
  const lines: string[] = []
  let line = ""
  for (const tok of tokens) {
    const candidate = line + tok
    if (emWidth(candidate.trim()) <= maxEm || line.trim() === "") {
      line = candidate
    } else {
      lines.push(line.trim())
      line = tok.trim() ? tok : ""
    }
  }
  if (line.trim()) lines.push(line.trim())
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = kept[maxLines - 1].replace(/.$/u, "…")
    return kept
  }
  return lines
}

function motif(scene: Scene, p: Palette): string {
  // Every motif is drawn in a 320×320 box centred on (400, 300).
  switch (scene) {
    case "meal":
      return `
  <g transform="translate(240 140)">
    <path d="M80 70 c-18 -16 18 -30 0 -46 s18 -30 0 -46 M130 64 c-18 -16 18 -30 0 -46 s18 -30 0 -46 M180 70 c-18 -16 18 -30 0 -46 s18 -30 0 -46" fill="none" stroke="#fff" stroke-opacity="0.7" stroke-width="9" stroke-linecap="round"/>
    <line x1="196" y1="30" x2="300" y2="-30" stroke="${p.ink}" stroke-width="12" stroke-linecap="round"/>
    <line x1="212" y1="46" x2="316" y2="-6" stroke="${p.ink}" stroke-width="12" stroke-linecap="round"/>
    <ellipse cx="160" cy="130" rx="150" ry="26" fill="${p.accent}"/>
    <path d="M10 130 h300 a150 150 0 0 1 -300 0 z" fill="#fff"/>
    <path d="M40 180 h240" stroke="${p.from}" stroke-width="10" stroke-linecap="round"/>
    <path d="M70 215 h180" stroke="${p.from}" stroke-width="8" stroke-linecap="round" stroke-opacity="0.6"/>
    <rect x="110" y="272" width="100" height="20" rx="10" fill="${p.ink}" fill-opacity="0.35"/>
  </g>`
    case "movie":
      return `
  <g transform="translate(400 300) rotate(-8) translate(-190 -110)">
    <path d="M0 20 a20 20 0 0 1 20 -20 h340 a20 20 0 0 1 20 20 v60 a30 30 0 0 0 0 60 v60 a20 20 0 0 1 -20 20 h-340 a20 20 0 0 1 -20 -20 v-60 a30 30 0 0 0 0 -60 z" fill="#fff"/>
    <line x1="270" y1="18" x2="270" y2="202" stroke="${p.from}" stroke-width="6" stroke-dasharray="12 10"/>
    <rect x="36" y="40" width="200" height="140" rx="14" fill="${p.to}"/>
    <path d="M116 80 v60 l52 -30 z" fill="${p.accent}"/>
    <path d="M325 82 l9 20 22 2 -17 14 5 22 -19 -12 -19 12 5 -22 -17 -14 22 -2 z" fill="${p.accent}" stroke="${p.ink}" stroke-width="3" stroke-linejoin="round"/>
  </g>
  <g fill="#fff" fill-opacity="0.35">
    <rect x="150" y="470" width="34" height="24" rx="4"/><rect x="200" y="470" width="34" height="24" rx="4"/>
    <rect x="566" y="470" width="34" height="24" rx="4"/><rect x="616" y="470" width="34" height="24" rx="4"/>
  </g>`
    case "mall":
      return `
  <g transform="translate(250 120)">
    <path d="M95 90 v-30 a55 55 0 0 1 110 0 v30" fill="none" stroke="${p.ink}" stroke-width="16" stroke-linecap="round"/>
    <path d="M30 80 h240 l22 260 h-284 z" fill="#fff"/>
    <path d="M30 80 h240 l4 44 h-248 z" fill="${p.accent}"/>
    <circle cx="95" cy="120" r="10" fill="${p.ink}"/>
    <circle cx="205" cy="120" r="10" fill="${p.ink}"/>
    <path d="M150 200 c-20 -34 -70 -14 -50 26 c12 24 50 50 50 50 s38 -26 50 -50 c20 -40 -30 -60 -50 -26 z" fill="${p.to}"/>
  </g>`
    case "travel":
      return `
  <circle cx="560" cy="180" r="70" fill="${p.accent}"/>
  <g fill="#fff" fill-opacity="0.85">
    <ellipse cx="230" cy="430" rx="90" ry="30"/><ellipse cx="290" cy="410" rx="60" ry="40"/>
    <ellipse cx="560" cy="470" rx="80" ry="26"/><ellipse cx="610" cy="452" rx="50" ry="34"/>
  </g>
  <g transform="translate(400 300) rotate(-25)">
    <path d="M-170 0 c0 -16 20 -24 60 -24 h200 c40 0 70 10 70 24 s-30 24 -70 24 h-200 c-40 0 -60 -8 -60 -24 z" fill="#fff"/>
    <path d="M-20 -20 l-60 -110 h40 l100 110 z" fill="#fff"/>
    <path d="M-20 20 l-60 110 h40 l100 -110 z" fill="#fff"/>
    <path d="M-150 -18 l-30 -60 h30 l50 60 z" fill="#fff"/>
    <g fill="${p.to}"><circle cx="-60" cy="-4" r="7"/><circle cx="-30" cy="-4" r="7"/><circle cx="0" cy="-4" r="7"/><circle cx="30" cy="-4" r="7"/><circle cx="60" cy="-4" r="7"/></g>
    <path d="M90 -20 c30 0 56 8 58 20 h-40 c-10 0 -18 -12 -18 -20 z" fill="${p.ink}" fill-opacity="0.7"/>
  </g>`
  }
}

export type ArtworkInput = {
  handle: string
  scene: Scene
  title: string
  subtitle: string
  footer?: string
}

export function renderArtwork({ handle, scene, title, subtitle, footer }: ArtworkInput): string {
  const p = PALETTES[scene]
  const h = hash(handle)
  const angle = (h % 60) - 30
  const dots = Array.from({ length: 6 }, (_, i) => {
    const r = 30 + ((h >> (i * 3)) % 90)
    const x = (h >> (i * 2)) % SIZE
    const y = (Math.imul(h, i + 7) >>> 0) % 520
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="#fff" fill-opacity="${(0.05 + (i % 3) * 0.03).toFixed(2)}"/>`
  }).join("\n    ")

  const titleLines = wrap(title, 15, 2)
  const subtitleLines = wrap(subtitle, 36, 2)
  const titleSize = titleLines.some((l) => emWidth(l) > 13) ? 44 : 50
  let y = 600
  const texts: string[] = []
  for (const line of titleLines) {
    texts.push(`<text x="400" y="${y}" font-size="${titleSize}" font-weight="700" fill="#fff">${escapeXml(line)}</text>`)
    y += titleSize + 10
  }
  y += 4
  for (const line of subtitleLines) {
    texts.push(`<text x="400" y="${y}" font-size="26" fill="#fff" fill-opacity="0.9">${escapeXml(line)}</text>`)
    y += 34
  }

  const labelW = Math.round(emWidth(p.label) * 24 + 44)
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${escapeXml(`${title} — ${subtitle}`)}">
  <defs>
    <linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${p.from}"/>
      <stop offset="1" stop-color="${p.to}"/>
    </linearGradient>
    <linearGradient id="shade" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0.55" stop-color="#000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000" stop-opacity="0.35"/>
    </linearGradient>
  </defs>
  <rect width="${SIZE}" height="${SIZE}" fill="url(#bg)"/>
  <g>
    ${dots}
  </g>
  <rect width="${SIZE}" height="${SIZE}" fill="url(#shade)"/>
  ${motif(scene, p)}
  <g font-family="${FONT}" text-anchor="start">
    <rect x="40" y="40" width="${labelW}" height="48" rx="24" fill="#fff" fill-opacity="0.92"/>
    <text x="62" y="73" font-size="24" font-weight="700" fill="${p.ink}">${escapeXml(p.label)}</text>
  </g>
  <g font-family="${FONT}" text-anchor="middle">
    ${texts.join("\n    ")}
    ${footer ? `<text x="400" y="${SIZE - 34}" font-size="22" fill="#fff" fill-opacity="0.75">${escapeXml(footer)}</text>` : ""}
  </g>
</svg>
`
}

export function demoImageDir(root: string = process.cwd()): string {
  return path.join(root, "static", "demo")
}

/** Writes `<root>/static/demo/<handle>.svg` and returns the file path. */
export function writeArtwork(input: ArtworkInput, root: string = process.cwd()): string {
  const dir = demoImageDir(root)
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${input.handle}.svg`)
  fs.writeFileSync(file, renderArtwork(input), "utf8")
  return file
}

export function demoImageUrl(handle: string): string {
  const base = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
  return `${base}/static/demo/${handle}.svg`
}
