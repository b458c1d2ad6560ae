import Link from "next/link"
import type { HttpTypes } from "@medusajs/types"
import type { Locale, TFunction } from "@/lib/i18n/translate"
import { hasPriceRange, minPrice, productMeta } from "@/lib/medusa/products"
import { formatPointsPrice, variantPointsPrice } from "@/lib/mall/points-price"
import { PinIcon } from "./icons"

export function ProductCard({
  product,
  locale,
  t,
}: {
  product: HttpTypes.StoreProduct
  locale: Locale
  t: TFunction
}) {
  const { merchant, city } = productMeta(product)
  const price = minPrice(product)
  // points-plus-cash goods show "¥59 + 2,000 points" (the cheapest variant's split)
  const points = variantPointsPrice(product.variants?.find((v) => v.calculated_price?.calculated_amount === price))
  return (
    <Link href={`/p/${product.handle}`} className="product-card" data-testid="product-card">
      <div className="product-card-media">
        {product.thumbnail ? (
          // Plain <img>: thumbnails are served by the Medusa backend.
          <img src={product.thumbnail} alt={product.title ?? ""} loading="lazy" />
        ) : (
          <div className="img-placeholder" aria-hidden="true" />
        )}
      </div>
      <div className="product-card-body">
        <h3 className="product-card-title">{product.title}</h3>
        {product.subtitle ? <p className="product-card-subtitle">{product.subtitle}</p> : null}
        {merchant || city ? (
          <p className="product-card-merchant">
            <PinIcon size={13} />
            <span>{[merchant, city].filter(Boolean).join(" · ")}</span>
          </p>
        ) : null}
        <p className="product-card-price" data-testid="product-price" data-points={points || undefined}>
          {price !== undefined ? formatPointsPrice(price, points, locale, t("mall.points")) : "—"}
          {price !== undefined && hasPriceRange(product) ? <span className="price-from"> {t("common.from")}</span> : null}
        </p>
      </div>
    </Link>
  )
}
