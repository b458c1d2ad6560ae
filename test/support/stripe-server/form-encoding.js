// Stripe's request encoding: application/x-www-form-urlencoded with bracketed keys, as the
// stripe-node SDK (qs, `a[0]=x`) and Stripe.js (`a[]=x`) write it: `metadata[order]=1`,
// `expand[]=payment_method`, `payment_method_types[0]=card`, `card[exp_month]=12`.
// Every value arrives as a string; the routes coerce types.

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"])
// Objects whose keys are caller data, never list indices.
const MAP_KEYS = new Set(["metadata"])

function decode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "))
  } catch {
    return s
  }
}

/** `a[b][0][]` → ["a", "b", "0", ""]; a key that is not bracket-shaped stays whole. */
function splitKey(key) {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!m) return [key]
  const parts = [m[1]]
  const re = /\[([^[\]]*)\]/g
  let seg
  while ((seg = re.exec(m[2]))) parts.push(seg[1])
  return parts
}

function assign(target, parts, value) {
  let node = target
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]
    if (FORBIDDEN.has(part)) return
    if (part === "") part = String(Object.keys(node).length) // `[]` appends
    if (i === parts.length - 1) {
      node[part] = value
      return
    }
    if (node[part] === null || typeof node[part] !== "object") node[part] = {}
    node = node[part]
  }
}

/** Objects keyed 0..n-1 become arrays, except caller-keyed maps such as metadata. */
function normalize(value, key) {
  if (value === null || typeof value !== "object") return value
  const keys = Object.keys(value)
  for (const k of keys) value[k] = normalize(value[k], k)
  if (MAP_KEYS.has(key) || keys.length === 0) return value
  const isList = keys.every((k) => /^\d+$/.test(k)) && keys.map(Number).sort((a, b) => a - b).every((n, i) => n === i)
  return isList ? keys.map(Number).sort((a, b) => a - b).map((n) => value[n]) : value
}

function parseForm(body) {
  const out = {}
  if (!body) return out
  for (const pair of String(body).split("&")) {
    if (!pair) continue
    const eq = pair.indexOf("=")
    const key = decode(eq < 0 ? pair : pair.slice(0, eq))
    const value = decode(eq < 0 ? "" : pair.slice(eq + 1))
    if (!key) continue
    assign(out, splitKey(key), value)
  }
  for (const k of Object.keys(out)) out[k] = normalize(out[k], k)
  return out
}

/** The inverse, Stripe.js style (`expand[]=x` is written `expand[0]=x`, which Stripe accepts too). */
function encodeForm(data, prefix = "") {
  const pairs = []
  const walk = (value, key) => {
    if (value === undefined) return
    if (value === null) pairs.push(`${encodeURIComponent(key)}=`)
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}[${i}]`))
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}[${k}]` : k)
    else pairs.push(`${encodeURIComponent(key).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encodeURIComponent(String(value))}`)
  }
  walk(data, prefix)
  return pairs.join("&")
}

module.exports = { parseForm, encodeForm }
