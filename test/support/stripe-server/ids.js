// Stripe-shaped identifiers: a type prefix, an underscore and 24 base-62 characters.
const crypto = require("node:crypto")

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

function randomChars(n) {
  const bytes = crypto.randomBytes(n)
  let s = ""
  for (let i = 0; i < n; i++) s += ALPHABET[bytes[i] % ALPHABET.length]
  return s
}

const newId = (prefix) => `${prefix}_3Pl${randomChars(21)}`

module.exports = { newId, randomChars }
