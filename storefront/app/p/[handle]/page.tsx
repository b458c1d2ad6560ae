import type { Metadata } from "next"
import type { HttpTypes } from "@medusajs/types"
import { notFound, redirect } from "next/navigation"
import Link from "next/link"
import { PinIcon, StoreIcon } from "@/components/icons"
import { ErrorState } from "@/components/states"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { getProductByHandle, isScene, productMeta } from "@/lib/medusa/products"
import { variantPointsPrice } from "@/lib/mall/points-price"
import { getPackage } from "@/lib/travel/api"
import { ProductPurchase, type PurchaseOption, type PurchaseVariant } from "./product-purchase"

type Props = { params: Promise<{ handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params
  try {
    const product = await getProductByHandle(handle)
    return { title: product?.title ?? handle }
  } catch {
    return { title: handle }
  }
}

function toPurchaseData(product: HttpTypes.StoreProduct): { options: PurchaseOption[]; variants: PurchaseVariant[] } {
  const options: PurchaseOption[] = (product.options ?? []).map((option) => ({
    id: option.id,
    title: option.title,
    values: Array.from(new Set((option.values ?? []).map((v) => v.value))),
  }))
  const variants: PurchaseVariant[] = (product.variants ?? []).map((variant) => {
    const managed = Boolean(variant.manage_inventory) && !variant.allow_backorder
    const qty = variant.inventory_quantity
    return {
      id: variant.id,
      title: variant.title ?? "",
      options: Object.fromEntries(
        (variant.options ?? []).filter((o) => o.option_id).map((o) => [o.option_id as string, o.value])
      ),
      price: variant.calculated_price?.calculated_amount ?? null,
      originalPrice: variant.calculated_price?.original_amount ?? null,
      points: variantPointsPrice(variant),
      inStock: !managed || typeof qty !== "number" || qty > 0,
    }
  })
  return { options, variants }
}

export default async function ProductPage({ params }: Props) {
  const { handle } = await params
  const { t } = await getI18n()

  let product: HttpTypes.StoreProduct | undefined
  try {
    product = await getProductByHandle(handle)
  } catch (error) {
    return (
      <ErrorState
        title={t("common.errorTitle")}
        body={t("common.backendDown")}
        detail={readableError(error)}
        action={{ href: "/", label: t("common.backHome") }}
      />
    )
  }
  if (!product) notFound()
  // a tour is booked by date and traveller on its package page, not added as a plain product
  if (productMeta(product).scene === "travel" && (await getPackage(handle).catch(() => null))) redirect(`/travel/${handle}`)

  const { scene, merchant, city } = productMeta(product)
  const sceneHandle = scene ?? product.categories?.[0]?.handle ?? undefined
  const image = product.thumbnail ?? product.images?.[0]?.url
  const { options, variants } = toPurchaseData(product)

  return (
    <article className="product-page" data-testid="product-page">
      <div className="product-media">
        {image ? <img src={image} alt={product.title ?? ""} /> : <div className="img-placeholder" aria-hidden="true" />}
      </div>
      <div className="product-info">
        {sceneHandle && isScene(sceneHandle) ? (
          <Link href={`/c/${sceneHandle}`} className={`chip chip-${sceneHandle}`}>
            {t(`scene.${sceneHandle}`)} · {sceneHandle === "mall" ? t("common.delivery") : t("common.voucher")}
          </Link>
        ) : null}
        <h1 className="product-title" data-testid="product-title">
          {product.title}
        </h1>
        {product.subtitle ? <p className="product-subtitle">{product.subtitle}</p> : null}
        {merchant || city ? (
          <dl className="product-facts">
            {merchant ? (
              <div>
                <dt>
                  <StoreIcon size={16} /> {t("product.merchant")}
                </dt>
                <dd data-testid="product-merchant">{merchant}</dd>
              </div>
            ) : null}
            {city ? (
              <div>
                <dt>
                  <PinIcon size={16} /> {t("product.city")}
                </dt>
                <dd data-testid="product-city">{city}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}

        <ProductPurchase options={options} variants={variants} />

        {product.description ? (
          <section className="product-description">
            <h2 className="section-title">{t("product.description")}</h2>
            <p>{product.description}</p>
          </section>
        ) : null}
      </div>
    </article>
  )
}
