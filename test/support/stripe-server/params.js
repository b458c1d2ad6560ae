// Coercion of form-encoded strings into the types Stripe's API documents, with Stripe's messages.
const { invalidRequest, missingParam, unknownParam } = require("./stripe-errors")

function allowOnly(params, allowed) {
  for (const key of Object.keys(params)) if (!allowed.includes(key)) throw unknownParam(key)
}

function integer(params, name, { required = false, min, max } = {}) {
  const raw = params[name]
  if (raw === undefined || raw === "") {
    if (required) throw missingParam(name)
    return undefined
  }
  if (typeof raw !== "string" || !/^-?\d+$/.test(raw)) {
    throw invalidRequest(`Invalid integer: ${typeof raw === "string" ? raw : JSON.stringify(raw)}`, { code: "parameter_invalid_integer", param: name })
  }
  const n = Number(raw)
  if (!Number.isSafeInteger(n)) throw invalidRequest(`Invalid integer: ${raw}`, { code: "parameter_invalid_integer", param: name })
  if (min !== undefined && n < min) throw invalidRequest(`This value must be greater than or equal to ${min}.`, { code: "parameter_invalid_integer", param: name })
  if (max !== undefined && n > max) throw invalidRequest(`This value must be less than or equal to ${max}.`, { code: "parameter_invalid_integer", param: name })
  return n
}

function boolean(params, name) {
  const raw = params[name]
  if (raw === undefined || raw === "") return undefined
  if (raw === "true" || raw === true) return true
  if (raw === "false" || raw === false) return false
  throw invalidRequest(`Invalid boolean: ${raw}`, { code: "parameter_invalid_string_empty", param: name })
}

function string(params, name, { required = false, oneOf } = {}) {
  const raw = params[name]
  if (raw === undefined) {
    if (required) throw missingParam(name)
    return undefined
  }
  if (typeof raw !== "string") throw invalidRequest(`Invalid string: ${JSON.stringify(raw)}`, { param: name })
  if (required && raw === "") throw missingParam(name)
  if (oneOf && raw !== "" && !oneOf.includes(raw)) {
    throw invalidRequest(`Invalid ${name}: must be one of ${oneOf.join(", ")}`, { param: name })
  }
  return raw
}

function stringList(params, name) {
  const raw = params[name]
  if (raw === undefined || raw === "") return undefined
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : null
  if (!list || list.some((x) => typeof x !== "string")) throw invalidRequest(`Invalid array`, { param: name })
  return list
}

/** Stripe's metadata rules: string values, `""` removes a key, `metadata=""` clears all. */
function mergeMetadata(current, raw) {
  if (raw === undefined) return current
  if (raw === "") return {}
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw invalidRequest("Invalid object", { param: "metadata" })
  const next = { ...current }
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== "string") throw invalidRequest("Invalid object", { param: `metadata[${k}]` })
    if (k.length > 40) throw invalidRequest("Metadata keys can have up to 40 characters.", { param: `metadata[${k}]` })
    if (v.length > 500) throw invalidRequest("Metadata values can have up to 500 characters.", { param: `metadata[${k}]` })
    if (v === "") delete next[k]
    else next[k] = v
  }
  if (Object.keys(next).length > 50) throw invalidRequest("You can have up to 50 metadata keys.", { param: "metadata" })
  return next
}

/** `created=N` or `created[gt|gte|lt|lte]=N`. */
function rangeFilter(params, name) {
  const raw = params[name]
  if (raw === undefined || raw === "") return () => true
  if (typeof raw === "string") {
    const n = integer(params, name)
    return (v) => v === n
  }
  if (typeof raw !== "object" || Array.isArray(raw)) throw invalidRequest("Invalid object", { param: name })
  const bounds = {}
  for (const op of Object.keys(raw)) {
    if (!["gt", "gte", "lt", "lte"].includes(op)) throw unknownParam(`${name}[${op}]`)
    bounds[op] = integer(raw, op)
  }
  return (v) =>
    (bounds.gt === undefined || v > bounds.gt) &&
    (bounds.gte === undefined || v >= bounds.gte) &&
    (bounds.lt === undefined || v < bounds.lt) &&
    (bounds.lte === undefined || v <= bounds.lte)
}

module.exports = { allowOnly, integer, boolean, string, stringList, mergeMetadata, rangeFilter }
