import type { Metadata } from "next"
import type { HttpTypes } from "@medusajs/types"
import { notFound } from "next/navigation"
import { SceneIcon } from "@/components/icons"
import { ProductCard } from "@/components/product-card"
import { EmptyState, ErrorState } from "@/components/states"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { getCategory, isScene, listProducts } from "@/lib/medusa/products"

type Props = { params: Promise<{ scene: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { scene } = await params
  const { t } = await getI18n()
  return { title: isScene(scene) ? t(`scene.${scene}`) : scene }
}

export default async function CategoryPage({ params }: Props) {
  const { scene } = await params
  const { locale, t } = await getI18n()

  let category: HttpTypes.StoreProductCategory | undefined
  let products: HttpTypes.StoreProduct[] = []
  let failure: string | undefined
  try {
    category = await getCategory(scene)
    if (category) products = await listProducts({ categoryId: category.id })
  } catch (error) {
    failure = readableError(error)
  }
  if (!failure && !category) notFound()

  const title = isScene(scene) ? t(`scene.${scene}`) : category?.name ?? scene
  return (
    <div className="listing" data-testid="category-page">
      <header className={`listing-header scene-${scene}`}>
        <span className="scene-icon">
          <SceneIcon scene={scene} size={28} />
        </span>
        <div>
          <h1 className="listing-title">{title}</h1>
          <p className="listing-tagline">
            {isScene(scene) ? t(`scene.${scene}.tagline`) : category?.description}
          </p>
        </div>
      </header>
      {failure ? (
        <ErrorState
          title={t("common.errorTitle")}
          body={t("common.backendDown")}
          detail={failure}
          action={{ href: "/", label: t("common.backHome") }}
        />
      ) : products.length === 0 ? (
        <EmptyState title={t("listing.empty")} action={{ href: "/", label: t("common.backHome") }} />
      ) : (
        <>
          <p className="muted listing-count">{t("listing.count", { count: products.length })}</p>
          <div className="grid-products">
            {products.map((product) => (
              <ProductCard key={product.id} product={product} locale={locale} t={t} />
            ))}
          </div>
        </>
      )}
    </div>
  )
}
