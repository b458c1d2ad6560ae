/** The chart of accounts. Debits are positive, credits negative; every entry sums to zero. */
export const ACCOUNTS = {
  provider_clearing: { name: "Payment provider clearing 支付通道清算", type: "asset" },
  bank: { name: "Bank (payouts) 銀行存款", type: "asset" },
  points_liability: { name: "Points liability 積分負債", type: "liability" },
  platform_subsidy_expense: { name: "Platform subsidy expense 平台補貼", type: "expense" },
  points_expense: { name: "Points given to members 積分獎勵費用", type: "expense" },
  points_breakage: { name: "Expired points 積分過期收益", type: "revenue" },
  commission_revenue: { name: "Commission revenue 佣金收入", type: "revenue" },
  breakage_revenue: { name: "Breakage 過期沉澱", type: "revenue" },
  shipping_revenue: { name: "Shipping revenue 運費收入", type: "revenue" },
  goods_revenue: { name: "Platform goods revenue 自營商品收入", type: "revenue" },
  rounding: { name: "Rounding differences 分位差額", type: "revenue" },
} as const

export const MERCHANT_ACCOUNTS = {
  deferred_revenue: { name: "Vouchers and goods sold, not yet used 待核銷", type: "liability" },
  merchant_payable: { name: "Payable to merchant 應付商戶", type: "liability" },
  merchant_discount_receivable: { name: "Merchant-funded discounts 商戶出資優惠", type: "asset" },
} as const

export type MerchantAccount = keyof typeof MERCHANT_ACCOUNTS
export type PlatformAccount = keyof typeof ACCOUNTS

export const merchantAccount = (kind: MerchantAccount, merchantId: string) => `${kind}:${merchantId}`

export function describeAccount(code: string): { name: string; type: string; merchant_id: string | null } {
  const [kind, merchantId] = code.split(":")
  if (merchantId && kind in MERCHANT_ACCOUNTS) {
    const a = MERCHANT_ACCOUNTS[kind as MerchantAccount]
    return { name: a.name, type: a.type, merchant_id: merchantId }
  }
  const a = ACCOUNTS[code as PlatformAccount]
  if (!a) throw new Error(`unknown ledger account ${code}`)
  return { name: a.name, type: a.type, merchant_id: null }
}
