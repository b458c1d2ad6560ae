import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQueries, useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { sdk } from "../../lib/sdk"

type SceneInfo = { handle: string; zh: string; en: string; blurb: string; color: "orange" | "purple" | "green" | "blue" }

const SCENES: SceneInfo[] = [
  { handle: "meal", zh: "美食", en: "Meal", blurb: "Restaurant stored-value and set-meal vouchers", color: "orange" },
  { handle: "movie", zh: "電影", en: "Movie", blurb: "Cinema tickets, combos and movie cards", color: "purple" },
  { handle: "mall", zh: "商城", en: "Mall", blurb: "Physical goods shipped from the warehouse", color: "green" },
  { handle: "travel", zh: "旅遊", en: "Travel", blurb: "Holiday packages checked in on departure", color: "blue" },
]

const COMING_NEXT: { title: string; text: string; to?: string }[] = [
  { title: "商戶 Merchants", text: "Merchants, their stores and terminals; pair a terminal and show its secret once." },
  { title: "券 Vouchers", text: "Voucher templates per product, issued vouchers, redemptions and reversals." },
  { title: "權益 Rights", text: "Benefit programmes, their quotas and the points rules; each customer's points on their page.", to: "/palmlife/benefits" },
  { title: "結算 Settlement", text: "T+1 settlement batches per merchant: calculate, approve, pay, export CSV; reconciliation.", to: "/palmlife/settlements" },
  { title: "總賬 Ledger", text: "Trial balance of the double-entry ledger: debits and credits per account, and whether they agree.", to: "/palmlife/ledger" },
  { title: "洞察 Insights", text: "MAU (the north-star metric), GMV and redemption rates by scene." },
]

const useSceneCategories = () =>
  useQuery({
    queryKey: ["palmlife", "scene-categories"],
    queryFn: () =>
      sdk.admin.productCategory.list({
        handle: SCENES.map((s) => s.handle),
        fields: "id,name,handle,description,is_active,is_internal",
        limit: SCENES.length,
      }),
  })

const useProductCounts = (categoryIds: (string | undefined)[]) =>
  useQueries({
    queries: categoryIds.map((id) => ({
      queryKey: ["palmlife", "scene-product-count", id],
      enabled: !!id,
      queryFn: async () => {
        const [all, published] = await Promise.all([
          sdk.admin.product.list({ category_id: [id!], limit: 1, fields: "id" }),
          sdk.admin.product.list({ category_id: [id!], status: ["published"], limit: 1, fields: "id" }),
        ])
        return { total: all.count, published: published.count }
      },
    })),
  })

const PalmLifePage = () => {
  const categories = useSceneCategories()
  const byHandle = new Map((categories.data?.product_categories ?? []).map((c) => [c.handle, c]))
  const rows = SCENES.map((scene) => ({ scene, category: byHandle.get(scene.handle) }))
  const counts = useProductCounts(rows.map((r) => r.category?.id))
  const totalProducts = counts.reduce((sum, c) => sum + (c.data?.total ?? 0), 0)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">PalmLife 掌上生活</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Operator console for the lifestyle platform: product shelf → rights payment → terminal verification →
          back-office settlement → insights.
        </Text>
      </Container>

      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        {rows.map(({ scene, category }, i) => {
          const count = counts[i]
          return (
            <Container key={scene.handle} className="flex flex-col gap-y-2 px-6 py-4" data-testid={`scene-card-${scene.handle}`}>
              <div className="flex items-center justify-between">
                <Text size="small" weight="plus" className="text-ui-fg-subtle">
                  {scene.zh} {scene.en}
                </Text>
                <Badge size="2xsmall" color={scene.color}>
                  {scene.handle}
                </Badge>
              </div>
              <Heading level="h2" className="text-3xl" data-testid={`scene-count-${scene.handle}`}>
                {!category ? "–" : count?.isLoading ? "…" : count?.data?.total ?? "–"}
              </Heading>
              <Text size="xsmall" className="text-ui-fg-muted">
                {category ? `products · ${count?.data?.published ?? 0} published` : "category not found — run the seed"}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {scene.blurb}
              </Text>
            </Container>
          )
        })}
      </div>

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Scenes 場景</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {categories.isLoading ? "Loading…" : `${totalProducts} products in ${byHandle.size} scene categories`}
          </Text>
        </div>
        {categories.isError ? (
          <div className="px-6 py-4">
            <Text className="text-ui-fg-error">Could not load categories: {String(categories.error)}</Text>
          </div>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Scene</Table.HeaderCell>
                <Table.HeaderCell>Category</Table.HeaderCell>
                <Table.HeaderCell>Handle</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Products</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map(({ scene, category }, i) => (
                <Table.Row key={scene.handle}>
                  <Table.Cell>
                    {scene.zh} {scene.en}
                  </Table.Cell>
                  <Table.Cell>
                    {category ? (
                      <Link to={`/categories/${category.id}`} className="text-ui-fg-interactive hover:underline">
                        {category.name}
                      </Link>
                    ) : (
                      <Text size="small" className="text-ui-fg-muted">
                        missing
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <code className="text-ui-fg-subtle">{scene.handle}</code>
                  </Table.Cell>
                  <Table.Cell>
                    {category ? (
                      <Badge size="2xsmall" color={category.is_active && !category.is_internal ? "green" : "grey"}>
                        {category.is_active ? "active" : "inactive"} · {category.is_internal ? "internal" : "public"}
                      </Badge>
                    ) : (
                      "–"
                    )}
                  </Table.Cell>
                  <Table.Cell className="text-right">{counts[i]?.data?.total ?? "–"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Coming next 即將推出</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            These sections will hang off this page as their modules land.
          </Text>
        </div>
        {COMING_NEXT.map((section) => (
          <div key={section.title} className="flex items-start justify-between gap-x-4 px-6 py-3">
            <div className="flex flex-col">
              <Text size="small" weight="plus">
                {section.title}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {section.text}
              </Text>
            </div>
            {section.to ? (
              <Link to={section.to} className="text-ui-fg-interactive txt-compact-small-plus whitespace-nowrap hover:underline">
                Open 打開
              </Link>
            ) : (
              <Badge size="2xsmall" color="grey">
                planned
              </Badge>
            )}
          </div>
        ))}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "PalmLife",
  icon: BuildingStorefront,
})

export default PalmLifePage
