import Link from "next/link"
import { SceneIcon } from "@/components/icons"
import { ProductCard } from "@/components/product-card"
import { ErrorState } from "@/components/states"
import { getI18n } from "@/lib/i18n/server"
import { readableError } from "@/lib/medusa/errors"
import { listFeaturedProducts, SCENES } from "@/lib/medusa/products"
import type { HttpTypes } from "@medusajs/types"

export default async function HomePage() {
  const { locale, t } = await getI18n()
  let featured: HttpTypes.StoreProduct[] = []
  let failure: string | undefined
  try {
    featured = await listFeaturedProducts(2)
  } catch (error) {
    failure = readableError(error)
  }

  return (
    <div className="home">
      <section className="hero" data-testid="hero">
        <div className="hero-text">
          <p className="hero-kicker">掌上生活 · PalmLife</p>
          <h1 className="hero-title">{t("home.heroTitle")}</h1>
          <p className="hero-subtitle">{t("home.heroSubtitle")}</p>
          <Link href="/c/mall" className="btn btn-gold">
            {t("home.heroCta")}
          </Link>
        </div>
        <div className="hero-art" aria-hidden="true">
          <span className="hero-coin">¥</span>
        </div>
      </section>

      <section aria-labelledby="scenes-title">
        <h2 id="scenes-title" className="section-title">
          {t("home.scenes")}
        </h2>
        <div className="scene-grid">
          {SCENES.map((scene) => (
            <Link key={scene} href={scene === "movie" ? "/movies" : scene === "travel" ? "/travel" : `/c/${scene}`} className={`scene-tile scene-${scene}`} data-testid={`scene-${scene}`}>
              <span className="scene-icon">
                <SceneIcon scene={scene} size={30} />
              </span>
              <span className="scene-name">{t(`scene.${scene}`)}</span>
              <span className="scene-tagline">{t(`scene.${scene}.tagline`)}</span>
            </Link>
          ))}
        </div>
      </section>

      <section aria-labelledby="featured-title">
        <h2 id="featured-title" className="section-title">
          {t("home.featured")}
        </h2>
        {failure ? (
          <ErrorState title={t("common.errorTitle")} body={t("common.backendDown")} detail={failure} />
        ) : featured.length === 0 ? (
          <p className="muted">{t("listing.empty")}</p>
        ) : (
          <div className="grid-products" data-testid="featured-products">
            {featured.map((product) => (
              <ProductCard key={product.id} product={product} locale={locale} t={t} />
            ))}
          </div>
        )}
      </section>
    </div>
  )
}
