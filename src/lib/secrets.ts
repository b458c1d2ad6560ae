import crypto from "node:crypto"

// One server key protects everything stored secret: voucher codes and terminal secrets are
// encrypted with keys derived from it, and voucher codes are looked up by an HMAC under it.
// A database dump without PALMLIFE_SECRET_KEY yields neither a code nor a terminal secret.
const DEV_KEY = "palmlife-development-key-change-me-in-production"

function rootKey(): Buffer {
  return Buffer.from(process.env.PALMLIFE_SECRET_KEY || DEV_KEY, "utf8")
}

// derived once per purpose and root key: every terminal request decrypts a secret and hashes a code
const derived = new Map<string, Buffer>()

function derive(purpose: string): Buffer {
  const root = rootKey()
  const cacheKey = `${root.toString("base64")}:${purpose}`
  let key = derived.get(cacheKey)
  if (!key) {
    key = crypto.createHmac("sha256", root).update(`palmlife:${purpose}`).digest()
    derived.set(cacheKey, key)
  }
  return key
}

export function hmacLookup(purpose: string, value: string): string {
  return crypto.createHmac("sha256", derive(`lookup:${purpose}`)).update(value).digest("hex")
}

export function encryptSecret(purpose: string, plaintext: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv("aes-256-gcm", derive(`enc:${purpose}`), iv)
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".")
}

export function decryptSecret(purpose: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".")
  if (version !== "v1" || !iv || !tag || !body) throw new Error("unknown secret format")
  const decipher = crypto.createDecipheriv("aes-256-gcm", derive(`enc:${purpose}`), Buffer.from(iv, "base64url"))
  decipher.setAuthTag(Buffer.from(tag, "base64url"))
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8")
}

export function sha256Hex(value: string | Buffer): string {
  return crypto.createHash("sha256").update(value).digest("hex")
}

export function timingSafeEqualHex(a: string, b: string): boolean {
  const ab = Buffer.from(a, "hex")
  const bb = Buffer.from(b, "hex")
  return ab.length === bb.length && ab.length > 0 && crypto.timingSafeEqual(ab, bb)
}
