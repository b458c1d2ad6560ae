import {
  dataCodewords,
  encodeQr,
  formatBits,
  gfMultiply,
  penalty,
  qrByteCapacity,
  qrSize,
  qrSvgPath,
  QrTooLongError,
  rsRemainder,
  type QrCode,
} from "../../storefront/lib/qr/qr"

// The expectations below come from ISO/IEC 18004 itself, not from the encoder: the format
// information table, the fixed patterns, and a small independent decoder (format read-back,
// unmasking, zigzag read, Reed–Solomon syndromes, byte-mode parse). The two golden matrices
// were also decoded by an independent reader (zbar's zbarimg) when they were recorded.

const grid = (code: QrCode) => code.modules.map((row) => row.map((d) => (d ? "#" : ".")).join(""))

// ---------------------------------------------------------------- independent decoder

// GF(256) with x^8+x^4+x^3+x^2+1, built here rather than borrowed from the encoder.
const EXP: number[] = []
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    EXP.push(x)
    x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)
  }
}
function mul(a: number, b: number): number {
  let product = 0
  for (let i = 0; i < 8; i++) {
    if (b & (1 << i)) product ^= a << i
  }
  for (let bit = 14; bit >= 8; bit--) if (product & (1 << bit)) product ^= 0x11d << (bit - 8)
  return product
}

/** Spec table 9 (level M): [data codewords per block, EC codewords per block, blocks]. */
const LEVEL_M: Record<number, [number, number, number]> = { 1: [16, 10, 1], 2: [28, 16, 1], 3: [44, 26, 1], 4: [32, 18, 2] }
const ALIGNMENT_CENTRE: Record<number, number | undefined> = { 1: undefined, 2: 18, 3: 22, 4: 26 }

// Format information, both copies, listed as [row, col] from bit 14 (most significant) down to bit 0.
function formatPositions(n: number): { first: [number, number][]; second: [number, number][] } {
  const first: [number, number][] = [
    [8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8],
    [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8],
  ]
  const second: [number, number][] = []
  for (let r = n - 1; r >= n - 7; r--) second.push([r, 8]) // bits 14..8 up column 8 from the bottom
  for (let c = n - 8; c <= n - 1; c++) second.push([8, c]) // bits 7..0 along row 8 to the right edge
  return { first, second }
}

function readBits(code: QrCode, positions: [number, number][]): number {
  return positions.reduce((acc, [r, c]) => (acc << 1) | (code.modules[r][c] ? 1 : 0), 0)
}

function isFunctionModule(version: number, r: number, c: number): boolean {
  const n = 17 + 4 * version
  const inBox = (r0: number, c0: number, size: number) => r >= r0 && r < r0 + size && c >= c0 && c < c0 + size
  if (inBox(0, 0, 9) || inBox(0, n - 8, 8) || inBox(n - 8, 0, 8)) return true // finders, separators, format
  if (r === 8 && c >= n - 8) return true // format copy 2 (row part)
  if (c === 8 && r >= n - 8) return true // format copy 2 (column part) and the dark module
  if (r === 6 || c === 6) return true // timing
  const a = ALIGNMENT_CENTRE[version]
  return a !== undefined && Math.abs(r - a) <= 2 && Math.abs(c - a) <= 2
}

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
]

/** Reads the symbol the way a scanner does and returns what it finds. */
function decode(code: QrCode): { level: number; mask: number; text: string; syndromesZero: boolean } {
  const n = code.size
  const version = (n - 17) / 4
  const { first, second } = formatPositions(n)
  const raw1 = readBits(code, first)
  const raw2 = readBits(code, second)
  expect(raw2).toEqual(raw1)
  const info = raw1 ^ 0b101010000010010
  const level = info >> 13
  const mask = (info >> 10) & 7

  // Zigzag: column pairs from the right, alternately upwards and downwards, skipping column 6.
  const bits: number[] = []
  let upwards = true
  for (let right = n - 1; right > 0; right -= 2) {
    if (right === 6) right-- // the pair left of the timing column is 5/4
    for (let k = 0; k < n; k++) {
      const r = upwards ? n - 1 - k : k
      for (const c of [right, right - 1]) {
        if (isFunctionModule(version, r, c)) continue
        bits.push((code.modules[r][c] ? 1 : 0) ^ (MASKS[mask](r, c) ? 1 : 0))
      }
    }
    upwards = !upwards
  }
  const [dataPerBlock, ecPerBlock, blocks] = LEVEL_M[version]
  const total = (dataPerBlock + ecPerBlock) * blocks
  expect(bits.length - total * 8).toEqual(version === 1 ? 0 : 7) // remainder bits
  const bytes: number[] = []
  for (let i = 0; i < total; i++) bytes.push(bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0))

  // De-interleave: data codewords round-robin over the blocks, then EC codewords likewise.
  const blockBytes: number[][] = Array.from({ length: blocks }, () => [])
  for (let i = 0; i < dataPerBlock * blocks; i++) blockBytes[i % blocks].push(bytes[i])
  for (let i = 0; i < ecPerBlock * blocks; i++) blockBytes[i % blocks].push(bytes[dataPerBlock * blocks + i])

  // A valid block is a multiple of the generator: it vanishes at α^0 … α^(ec−1).
  let syndromesZero = true
  for (const block of blockBytes) {
    for (let i = 0; i < ecPerBlock; i++) {
      let s = 0
      for (const byte of block) s = mul(s, EXP[i]) ^ byte
      if (s !== 0) syndromesZero = false
    }
  }

  const data = blockBytes.flatMap((block) => block.slice(0, dataPerBlock))
  const stream = data.flatMap((byte) => Array.from({ length: 8 }, (_, k) => (byte >> (7 - k)) & 1))
  const take = (from: number, count: number) => stream.slice(from, from + count).reduce((a, b) => (a << 1) | b, 0)
  expect(take(0, 4)).toEqual(0b0100) // byte mode
  const length = take(4, 8)
  const payload = Uint8Array.from({ length }, (_, i) => take(12 + i * 8, 8))
  return { level, mask, text: new TextDecoder().decode(payload), syndromesZero }
}

// ---------------------------------------------------------------- tests

describe("QR encoder: format information", () => {
  // ISO/IEC 18004 annex C, table C.1: the 15-bit strings for every level and mask.
  const TABLE: Record<string, string[]> = {
    L: ["111011111000100", "111001011110011", "111110110101010", "111100010011101", "110011000101111", "110001100011000", "110110001000001", "110100101110110"],
    M: ["101010000010010", "101000100100101", "101111001111100", "101101101001011", "100010111111001", "100000011001110", "100111110010111", "100101010100000"],
  }

  it("matches the standard's table for levels M and L", () => {
    for (let mask = 0; mask < 8; mask++) {
      expect(formatBits(mask).toString(2).padStart(15, "0")).toEqual(TABLE.M[mask])
      expect(formatBits(mask, 0b01).toString(2).padStart(15, "0")).toEqual(TABLE.L[mask])
    }
  })

  it("is a BCH(15,5) codeword: unmasked, it divides by x^10+x^8+x^5+x^4+x^2+x+1", () => {
    for (let mask = 0; mask < 8; mask++) {
      let rem = formatBits(mask) ^ 0x5412
      for (let bit = 14; bit >= 10; bit--) if (rem & (1 << bit)) rem ^= 0x537 << (bit - 10)
      expect(rem).toEqual(0)
    }
  })
})

describe("QR encoder: Reed–Solomon", () => {
  it("multiplies in GF(256) like a carry-less product reduced by 0x11D", () => {
    for (const [a, b] of [[2, 128], [0x53, 0xca], [255, 255], [7, 0], [1, 0x8e]]) expect(gfMultiply(a, b)).toEqual(mul(a, b))
  })

  it("produces EC codewords that make every syndrome vanish", () => {
    const data = [0x40, 0x18, 0x50, 0x41, 0x4c, 0x4d, 0x4c, 0x49, 0x46, 0x45, 0x3a, 0x56, 0x31, 0x3a, 0xec, 0x11]
    const block = [...data, ...rsRemainder(data, 10)]
    for (let i = 0; i < 10; i++) {
      let s = 0
      for (const byte of block) s = mul(s, EXP[i]) ^ byte
      expect(s).toEqual(0)
    }
  })

  it("pads data with the mode header, terminator and alternating 0xEC 0x11", () => {
    expect(dataCodewords(new TextEncoder().encode("A"), 1)).toEqual([
      0x40, 0x14, 0x10, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec,
    ])
  })
})

describe("QR encoder: symbol structure", () => {
  // Byte-mode capacity at level M: 14, 26, 42, 62 bytes for versions 1–4 (ISO table 7).
  const cases: [number, number][] = [[1, 1], [14, 1], [15, 2], [26, 2], [27, 3], [42, 3], [43, 4], [62, 4]]

  it("has the capacities of the standard", () => {
    expect([1, 2, 3, 4].map(qrByteCapacity)).toEqual([14, 26, 42, 62])
  })

  it.each(cases)("puts %i bytes in version %i with size 17+4v", (bytes, version) => {
    const code = encodeQr("x".repeat(bytes))
    expect(code.version).toEqual(version)
    expect(code.size).toEqual(qrSize(version))
    expect(code.size).toEqual([21, 25, 29, 33][version - 1])
    expect(code.modules).toHaveLength(code.size)
    for (const row of code.modules) expect(row).toHaveLength(code.size)
  })

  it("refuses payloads that do not fit version 4-M", () => {
    expect(() => encodeQr("x".repeat(63))).toThrow(QrTooLongError)
  })

  it("draws finder patterns with light separators in three corners only", () => {
    for (const version of [1, 2, 3, 4]) {
      const code = encodeQr("x".repeat([1, 15, 27, 43][version - 1]))
      const n = code.size
      const finder = ["#######", "#.....#", "#.###.#", "#.###.#", "#.###.#", "#.....#", "#######"]
      const at = (r0: number, c0: number) => code.modules.slice(r0, r0 + 7).map((row) => row.slice(c0, c0 + 7).map((d) => (d ? "#" : ".")).join(""))
      expect(at(0, 0)).toEqual(finder)
      expect(at(0, n - 7)).toEqual(finder)
      expect(at(n - 7, 0)).toEqual(finder)
      for (let i = 0; i < 8; i++) {
        expect([code.modules[7][i], code.modules[i][7]]).toEqual([false, false]) // top-left separator
        expect([code.modules[7][n - 1 - i], code.modules[i][n - 8]]).toEqual([false, false]) // top-right
        expect([code.modules[n - 8][i], code.modules[n - 1 - i][7]]).toEqual([false, false]) // bottom-left
      }
    }
  })

  it("draws alternating timing patterns on row 6 and column 6, and the dark module", () => {
    for (const text of ["hi", "PALMLIFE:V1:123456789012", "z".repeat(40), "w".repeat(60)]) {
      const code = encodeQr(text)
      const n = code.size
      for (let i = 8; i < n - 8; i++) {
        expect(code.modules[6][i]).toEqual(i % 2 === 0)
        expect(code.modules[i][6]).toEqual(i % 2 === 0)
      }
      expect(code.modules[n - 8][8]).toBe(true)
    }
  })

  it("draws the alignment pattern of versions 2–4 at (4v+10, 4v+10)", () => {
    for (const version of [2, 3, 4]) {
      const code = encodeQr("y".repeat([15, 27, 43][version - 2]))
      const c = 4 * version + 10
      const block = code.modules.slice(c - 2, c + 3).map((row) => row.slice(c - 2, c + 3).map((d) => (d ? "#" : ".")).join(""))
      expect(block).toEqual(["#####", "#...#", "#.#.#", "#...#", "#####"])
    }
  })
})

describe("QR encoder: decodes back (independent reader)", () => {
  const payloads = ["PALMLIFE:V1:123456789012", "PALMLIFE:V1:987654321098", "A", "hello", "掌上生活 PalmLife 金龍酒家", "x".repeat(62)]

  it.each(payloads)("reads back %p at level M under every mask", (text) => {
    for (let mask = 0; mask < 8; mask++) {
      const code = encodeQr(text, { mask })
      const decoded = decode(code)
      expect(decoded).toEqual({ level: 0b00, mask, text, syndromesZero: true })
    }
    expect(decode(encodeQr(text)).text).toEqual(text)
  })

  it("chooses the mask with the lowest penalty, deterministically", () => {
    const text = "PALMLIFE:V1:555566667777"
    const auto = encodeQr(text)
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(encodeQr(text, { mask }).modules))
    expect(auto.mask).toEqual(scores.indexOf(Math.min(...scores)))
    expect(encodeQr(text)).toEqual(auto)
    expect(grid(encodeQr(text))).toEqual(grid(auto))
  })
})

describe("QR encoder: golden symbols", () => {
  it("encodes a voucher payload as the recorded version-2 symbol", () => {
    const code = encodeQr("PALMLIFE:V1:123456789012")
    expect([code.version, code.mask]).toEqual([2, 2])
    expect(grid(code)).toEqual([
      "#######..#.##.#...#######",
      "#.....#..#.#.####.#.....#",
      "#.###.#.##..#..##.#.###.#",
      "#.###.#.#..#.#.##.#.###.#",
      "#.###.#.#..##.#...#.###.#",
      "#.....#.##..####..#.....#",
      "#######.#.#.#.#.#.#######",
      "........#####.###........",
      "#.#####..##.##.##.#####..",
      "#.#..#...#..###..###..#.#",
      "##.######......####.##.##",
      ".###.#...####.......#..##",
      "#....###.....#.##.####..#",
      "###..#..#...###..#....#.#",
      "#.#...##.#.....#..##...##",
      "#..#........#.#..###....#",
      "#.##.##...#.##.#######..#",
      "........#.....#.#...#.###",
      "#######..####...#.#.##.##",
      "#.....#.####...##...#...#",
      "#.###.#.######.#######...",
      "#.###.#.##..#.#...#..####",
      "#.###.#.#.#.#..#.#.#....#",
      "#.....#...###.#.#...#...#",
      "#######.##...#.#...#.#.##",
    ])
  })

  it("encodes a short string as the recorded version-1 symbol", () => {
    const code = encodeQr("hello")
    expect([code.version, code.mask]).toEqual([1, 0])
    expect(grid(code)).toEqual([
      "#######..##...#######",
      "#.....#.##....#.....#",
      "#.###.#..#.##.#.###.#",
      "#.###.#...##..#.###.#",
      "#.###.#.##..#.#.###.#",
      "#.....#.....#.#.....#",
      "#######.#.#.#.#######",
      "..........###........",
      "#.#.#.#..#.#....#..#.",
      "..#.##....#...#....##",
      ".#.#..#.###.#...#####",
      "##..#.........#....#.",
      ".##.#.##..#.#.#.#....",
      "........####.#.#..###",
      "#######...##.###..###",
      "#.....#...####.##....",
      "#.###.#.#.##.###...##",
      "#.###.#..#....##..##.",
      "#.###.#.###.#...#.#.#",
      "#.....#..#....#.#..#.",
      "#######.###.#.##...##",
    ])
  })

  it("draws exactly the dark modules as SVG path area", () => {
    const code = encodeQr("PALMLIFE:V1:123456789012")
    const dark = code.modules.flat().filter(Boolean).length
    const area = [...qrSvgPath(code).matchAll(/M\d+ \d+h(\d+)v1h-\d+z/g)].reduce((sum, m) => sum + Number(m[1]), 0)
    expect(area).toEqual(dark)
    expect(qrSvgPath(code).startsWith("M4 4h7v1h-7z")).toBe(true) // the top-left finder's first row, after the quiet zone
  })
})
