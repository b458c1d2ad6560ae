// A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–4.
// Enough for voucher payloads like "PALMLIFE:V1:123456789012" (24 bytes → version 2); no
// dependencies, deterministic, runs on the server and in the browser.
//
// Coordinates: modules[row][col], row 0 at the top; `true` is a dark module.

export type QrCode = {
  version: number
  size: number
  /** The mask pattern (0–7) the encoder chose by the standard's penalty rules. */
  mask: number
  modules: boolean[][]
}

type VersionInfo = {
  /** data codewords in the whole symbol at level M */
  dataCodewords: number
  /** error-correction codewords per block */
  ecPerBlock: number
  /** number of (equal-size) blocks */
  blocks: number
  /** centre of the one alignment pattern that does not touch a finder (none for version 1) */
  alignment: number | null
  /** bits left over after the codewords */
  remainderBits: number
}

// ISO/IEC 18004 table 9 (level M) and annex E, versions 1–4.
const VERSIONS: Record<number, VersionInfo> = {
  1: { dataCodewords: 16, ecPerBlock: 10, blocks: 1, alignment: null, remainderBits: 0 },
  2: { dataCodewords: 28, ecPerBlock: 16, blocks: 1, alignment: 18, remainderBits: 7 },
  3: { dataCodewords: 44, ecPerBlock: 26, blocks: 1, alignment: 22, remainderBits: 7 },
  4: { dataCodewords: 64, ecPerBlock: 18, blocks: 2, alignment: 26, remainderBits: 7 },
}

export const QR_MAX_VERSION = 4
/** Level M is encoded as 00 in the format information (L=01, M=00, Q=11, H=10). */
const ECC_LEVEL_M_BITS = 0b00

export class QrTooLongError extends Error {
  constructor(bytes: number) {
    super(`QR payload of ${bytes} bytes does not fit version ${QR_MAX_VERSION}-M`)
    this.name = "QrTooLongError"
  }
}

export function qrSize(version: number): number {
  return 17 + 4 * version
}

/** Bytes a version holds in byte mode at level M (4-bit mode + 8-bit count header). */
export function qrByteCapacity(version: number): number {
  return Math.floor((VERSIONS[version].dataCodewords * 8 - 12) / 8)
}

// ---------- GF(256) and Reed–Solomon (primitive polynomial x^8+x^4+x^3+x^2+1 = 0x11D) ----------

const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    EXP[i] = x
    LOG[x] = i
    x <<= 1
    if (x & 0x100) x ^= 0x11d
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]
}

export function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]]
}

/** Generator polynomial ∏(x − α^i), i < degree, as coefficients from x^(degree−1) down to x^0 (leading 1 implied). */
export function rsGenerator(degree: number): number[] {
  // Full coefficients, highest power first, starting from the polynomial "1".
  let poly = [1]
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0)
    for (let j = 0; j < poly.length; j++) {
      next[j] ^= poly[j] // × x
      next[j + 1] ^= gfMultiply(poly[j], EXP[i]) // × α^i (minus is plus in GF(2^8))
    }
    poly = next
  }
  return poly.slice(1)
}

/** The `degree` error-correction codewords of one block: remainder of data·x^degree divided by the generator. */
export function rsRemainder(data: ArrayLike<number>, degree: number): number[] {
  const generator = rsGenerator(degree)
  const remainder = new Array<number>(degree).fill(0)
  for (let i = 0; i < data.length; i++) {
    const factor = data[i] ^ remainder.shift()!
    remainder.push(0)
    for (let j = 0; j < degree; j++) remainder[j] ^= gfMultiply(generator[j], factor)
  }
  return remainder
}

// ---------- data codewords ----------

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

function chooseVersion(byteLength: number, minVersion: number): number {
  for (let v = Math.max(1, minVersion); v <= QR_MAX_VERSION; v++) {
    if (byteLength <= qrByteCapacity(v)) return v
  }
  throw new QrTooLongError(byteLength)
}

/** Mode indicator, character count, data, terminator and pad codewords (0xEC, 0x11 …). */
export function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const capacityBits = VERSIONS[version].dataCodewords * 8
  const bits: number[] = []
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  push(0b0100, 4) // byte mode
  push(bytes.length, 8) // character count: 8 bits in versions 1–9
  for (const b of bytes) push(b, 8)
  push(0, Math.min(4, capacityBits - bits.length)) // terminator
  while (bits.length % 8 !== 0) bits.push(0)
  const codewords: number[] = []
  for (let i = 0; i < bits.length; i += 8) {
    codewords.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0))
  }
  for (let pad = 0xec; codewords.length < VERSIONS[version].dataCodewords; pad ^= 0xec ^ 0x11) codewords.push(pad)
  return codewords
}

/** Splits into blocks, appends each block's EC codewords, and interleaves (data first, then EC). */
export function finalCodewords(data: number[], version: number): number[] {
  const { blocks, ecPerBlock } = VERSIONS[version]
  const perBlock = data.length / blocks // equal-size blocks for versions 1–4 at level M
  const dataBlocks: number[][] = []
  const ecBlocks: number[][] = []
  for (let b = 0; b < blocks; b++) {
    const block = data.slice(b * perBlock, (b + 1) * perBlock)
    dataBlocks.push(block)
    ecBlocks.push(rsRemainder(block, ecPerBlock))
  }
  const out: number[] = []
  for (let i = 0; i < perBlock; i++) for (const block of dataBlocks) out.push(block[i])
  for (let i = 0; i < ecPerBlock; i++) for (const block of ecBlocks) out.push(block[i])
  return out
}

// ---------- format information ----------

/** 15 format bits: 2 EC-level bits + 3 mask bits, BCH(15,5) with generator 0x537, XOR 0x5412. */
export function formatBits(mask: number, eccLevelBits = ECC_LEVEL_M_BITS): number {
  const data = (eccLevelBits << 3) | mask
  let rem = data << 10
  for (let bit = 14; bit >= 10; bit--) {
    if ((rem >>> bit) & 1) rem ^= 0x537 << (bit - 10)
  }
  return ((data << 10) | rem) ^ 0x5412
}

// ---------- matrix ----------

type Grid = { size: number; dark: boolean[][]; reserved: boolean[][] }

function newGrid(size: number): Grid {
  const make = () => Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  return { size, dark: make(), reserved: make() }
}

function setFunction(grid: Grid, row: number, col: number, dark: boolean) {
  grid.dark[row][col] = dark
  grid.reserved[row][col] = true
}

function drawFinder(grid: Grid, centerRow: number, centerCol: number) {
  // 7×7 finder plus its one-module light separator.
  for (let dr = -4; dr <= 4; dr++) {
    for (let dc = -4; dc <= 4; dc++) {
      const row = centerRow + dr
      const col = centerCol + dc
      if (row < 0 || col < 0 || row >= grid.size || col >= grid.size) continue
      const ring = Math.max(Math.abs(dr), Math.abs(dc))
      setFunction(grid, row, col, ring !== 2 && ring !== 4)
    }
  }
}

function drawAlignment(grid: Grid, center: number) {
  for (let dr = -2; dr <= 2; dr++) {
    for (let dc = -2; dc <= 2; dc++) {
      setFunction(grid, center + dr, center + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1)
    }
  }
}

/** Writes both copies of the format information and the dark module. */
function drawFormat(grid: Grid, mask: number) {
  const bits = formatBits(mask)
  const bit = (i: number) => ((bits >>> i) & 1) === 1 // bit 0 is the least significant
  const n = grid.size
  // Copy 1, around the top-left finder: bits 0–7 down column 8 (skipping the timing row),
  // bits 8–14 leftwards along row 8 (skipping the timing column).
  for (let i = 0; i <= 5; i++) setFunction(grid, i, 8, bit(i))
  setFunction(grid, 7, 8, bit(6))
  setFunction(grid, 8, 8, bit(7))
  setFunction(grid, 8, 7, bit(8))
  for (let i = 9; i <= 14; i++) setFunction(grid, 8, 14 - i, bit(i))
  // Copy 2: bits 0–7 along row 8 from the right edge, bits 8–14 down column 8 at the bottom.
  for (let i = 0; i <= 7; i++) setFunction(grid, 8, n - 1 - i, bit(i))
  for (let i = 8; i <= 14; i++) setFunction(grid, n - 15 + i, 8, bit(i))
  setFunction(grid, n - 8, 8, true) // the dark module
}

function drawFunctionPatterns(grid: Grid, version: number) {
  const n = grid.size
  for (let i = 0; i < n; i++) {
    setFunction(grid, 6, i, i % 2 === 0)
    setFunction(grid, i, 6, i % 2 === 0)
  }
  drawFinder(grid, 3, 3)
  drawFinder(grid, 3, n - 4)
  drawFinder(grid, n - 4, 3)
  const alignment = VERSIONS[version].alignment
  if (alignment !== null) drawAlignment(grid, alignment)
  drawFormat(grid, 0) // reserves the format areas; redrawn once the mask is chosen
}

/** Places the codewords in the two-column zigzag from the bottom-right corner, skipping function modules. */
function drawCodewords(grid: Grid, codewords: number[]) {
  const n = grid.size
  const totalBits = codewords.length * 8
  let i = 0
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5 // the vertical timing pattern is not part of any column pair
    // Column pairs alternate upward / downward, starting upward at the right edge.
    const upward = ((right + 1) & 2) === 0
    for (let step = 0; step < n; step++) {
      const row = upward ? n - 1 - step : step
      for (let j = 0; j < 2; j++) {
        const col = right - j
        if (grid.reserved[row][col]) continue
        // Remainder bits (past the last codeword) stay light.
        grid.dark[row][col] = i < totalBits && ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1
        i++
      }
    }
  }
}

export function maskApplies(mask: number, row: number, col: number): boolean {
  switch (mask) {
    case 0: return (row + col) % 2 === 0
    case 1: return row % 2 === 0
    case 2: return col % 3 === 0
    case 3: return (row + col) % 3 === 0
    case 4: return (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0
    case 5: return ((row * col) % 2) + ((row * col) % 3) === 0
    case 6: return (((row * col) % 2) + ((row * col) % 3)) % 2 === 0
    case 7: return (((row + col) % 2) + ((row * col) % 3)) % 2 === 0
    default: throw new RangeError(`mask ${mask}`)
  }
}

function applyMask(grid: Grid, mask: number) {
  for (let row = 0; row < grid.size; row++) {
    for (let col = 0; col < grid.size; col++) {
      if (!grid.reserved[row][col] && maskApplies(mask, row, col)) grid.dark[row][col] = !grid.dark[row][col]
    }
  }
}

/** The standard's four penalty rules (N1=3, N2=3, N3=40, N4=10); lower is better. */
export function penalty(modules: boolean[][]): number {
  const n = modules.length
  let score = 0
  const lines: boolean[][] = []
  for (let r = 0; r < n; r++) lines.push(modules[r])
  for (let c = 0; c < n; c++) lines.push(modules.map((row) => row[c]))

  for (const line of lines) {
    // N1: runs of five or more modules of one colour.
    let run = 1
    for (let i = 1; i <= n; i++) {
      if (i < n && line[i] === line[i - 1]) {
        run++
      } else {
        if (run >= 5) score += 3 + (run - 5)
        run = 1
      }
    }
    // N3: 1:1:3:1:1 finder-like pattern with four light modules on one side.
    const text = line.map((d) => (d ? "1" : "0")).join("")
    for (const pattern of ["10111010000", "00001011101"]) {
      for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) score += 40
    }
  }
  // N2: 2×2 blocks of one colour.
  for (let r = 0; r < n - 1; r++) {
    for (let c = 0; c < n - 1; c++) {
      const d = modules[r][c]
      if (d === modules[r][c + 1] && d === modules[r + 1][c] && d === modules[r + 1][c + 1]) score += 3
    }
  }
  // N4: deviation of the dark share from 50 %, in 5 % steps.
  const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0)
  const total = n * n
  const k = Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1
  score += Math.max(0, k) * 10
  return score
}

export type QrOptions = {
  /** force a mask pattern (0–7) instead of choosing by penalty */
  mask?: number
  /** smallest version to use (1–4) */
  minVersion?: number
}

/** Encodes text (as UTF-8 bytes) at level M in the smallest version 1–4 that holds it. */
export function encodeQr(text: string, options: QrOptions = {}): QrCode {
  const bytes = utf8(text)
  const version = chooseVersion(bytes.length, options.minVersion ?? 1)
  const size = qrSize(version)
  const codewords = finalCodewords(dataCodewords(bytes, version), version)

  const base = newGrid(size)
  drawFunctionPatterns(base, version)
  drawCodewords(base, codewords)

  const masks = options.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [options.mask]
  let best: { mask: number; modules: boolean[][]; score: number } | undefined
  for (const mask of masks) {
    const grid: Grid = { size, dark: base.dark.map((r) => r.slice()), reserved: base.reserved }
    applyMask(grid, mask)
    drawFormat(grid, mask)
    const score = penalty(grid.dark)
    if (!best || score < best.score) best = { mask, modules: grid.dark, score }
  }
  return { version, size, mask: best!.mask, modules: best!.modules }
}

/** One SVG path ("M x y h1 v1 h-1 z" per dark module, runs merged per row), offset by a quiet zone. */
export function qrSvgPath(code: QrCode, quietZone = 4): string {
  const parts: string[] = []
  code.modules.forEach((row, r) => {
    let c = 0
    while (c < code.size) {
      if (!row[c]) {
        c++
        continue
      }
      const start = c
      while (c < code.size && row[c]) c++
      parts.push(`M${start + quietZone} ${r + quietZone}h${c - start}v1h${start - c}z`)
    }
  })
  return parts.join("")
}
