// Stripe's documented test payment methods, tokens and card numbers, and what each one does.
// https://docs.stripe.com/testing — the subset PalmLife's checkout needs.

const DECLINES = {
  generic_decline: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  insufficient_funds: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  lost_card: { code: "card_declined", decline_code: "lost_card", message: "Your card was declined." },
  expired_card: { code: "expired_card", decline_code: "expired_card", message: "Your card has expired." },
  incorrect_cvc: { code: "incorrect_cvc", decline_code: "incorrect_cvc", message: "Your card's security code is incorrect." },
  processing_error: { code: "processing_error", decline_code: "processing_error", message: "An error occurred while processing your card. Try again in a little bit." },
}

// behaviour: "succeed" | "authenticate" (3-D Secure, then succeed) | a DECLINES key
const CARDS = [
  { names: ["visa"], number: "4242424242424242", brand: "visa", funding: "credit", country: "US", behaviour: "succeed" },
  { names: ["visa_debit"], number: "4000056655665556", brand: "visa", funding: "debit", country: "US", behaviour: "succeed" },
  { names: ["mastercard"], number: "5555555555554444", brand: "mastercard", funding: "credit", country: "US", behaviour: "succeed" },
  { names: ["amex"], number: "378282246310005", brand: "amex", funding: "credit", country: "US", behaviour: "succeed" },
  { names: ["unionpay"], number: "6200000000000005", brand: "unionpay", funding: "credit", country: "CN", behaviour: "succeed" },
  { names: ["chargeDeclined", "visa_chargeDeclined"], number: "4000000000000002", brand: "visa", funding: "credit", country: "US", behaviour: "generic_decline" },
  { names: ["chargeDeclinedInsufficientFunds", "visa_chargeDeclinedInsufficientFunds"], number: "4000000000009995", brand: "visa", funding: "credit", country: "US", behaviour: "insufficient_funds" },
  { names: ["chargeDeclinedLostCard", "visa_chargeDeclinedLostCard"], number: "4000000000009987", brand: "visa", funding: "credit", country: "US", behaviour: "lost_card" },
  { names: ["chargeDeclinedExpiredCard", "visa_chargeDeclinedExpiredCard"], number: "4000000000000069", brand: "visa", funding: "credit", country: "US", behaviour: "expired_card" },
  { names: ["chargeDeclinedIncorrectCvc", "visa_chargeDeclinedIncorrectCvc"], number: "4000000000000127", brand: "visa", funding: "credit", country: "US", behaviour: "incorrect_cvc" },
  { names: ["chargeDeclinedProcessingError", "visa_chargeDeclinedProcessingError"], number: "4000000000000119", brand: "visa", funding: "credit", country: "US", behaviour: "processing_error" },
  { names: ["authenticationRequired", "threeDSecure2Required", "authenticationRequiredOnSetup"], number: "4000002760003184", brand: "visa", funding: "credit", country: "DE", behaviour: "authenticate" },
  { names: ["threeDSecureRequired"], number: "4000002500003155", brand: "visa", funding: "credit", country: "IE", behaviour: "authenticate" },
]

const BY_PM = new Map()
const BY_TOKEN = new Map()
const BY_NUMBER = new Map()
for (const card of CARDS) {
  for (const n of card.names) {
    BY_PM.set(`pm_card_${n}`, card)
    BY_TOKEN.set(`tok_${n}`, card)
  }
  BY_NUMBER.set(card.number, card)
}

function luhnValid(number) {
  if (!/^\d{12,19}$/.test(number)) return false
  let sum = 0
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

function brandOf(number) {
  if (/^4/.test(number)) return "visa"
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard"
  if (/^3[47]/.test(number)) return "amex"
  if (/^62/.test(number)) return "unionpay"
  if (/^35/.test(number)) return "jcb"
  return "unknown"
}

/** A valid card number not in the table behaves like a successful card of its brand. */
function cardForNumber(number) {
  return BY_NUMBER.get(number) ?? { names: [], number, brand: brandOf(number), funding: "credit", country: "US", behaviour: "succeed" }
}

module.exports = { CARDS, DECLINES, BY_PM, BY_TOKEN, luhnValid, cardForNumber }
