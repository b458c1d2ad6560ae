import { PencilSquare } from "@medusajs/icons"
import { Alert, Button, Container, Drawer, Heading, IconButton, Input, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { parsePercent, SCENES } from "../../../../lib/benefit-program-form"
import { describeError, type PointsRule, usePointsRules, useSavePointsRule } from "../../../../lib/rights-api"
import { Field } from "../../merchants/components/field"

const DEFAULT_SCENE = "*"

const sceneLabel = (scene: string) => {
  if (scene === DEFAULT_SCENE) return "Default 默認 (every other scene)"
  const s = SCENES.find((x) => x.handle === scene)
  return s ? `${s.zh} ${s.en}` : scene
}

/** How much of an order's total points may pay, per scene; "*" covers scenes without their own rule. */
export const PointsRulesSection = () => {
  const { data, isLoading, isError, error } = usePointsRules()
  const [editing, setEditing] = useState<string | null>(null)
  const rules = new Map((data?.points_rules ?? []).map((r) => [r.scene, r]))
  const fallback = rules.get(DEFAULT_SCENE)?.max_burn_percent ?? 50
  const scenes = [DEFAULT_SCENE, ...SCENES.map((s) => s.handle), ...[...rules.keys()].filter((k) => k !== DEFAULT_SCENE && !SCENES.some((s) => s.handle === k))]

  return (
    <Container className="divide-y p-0" data-testid="points-rules-section">
      <div className="px-6 py-4">
        <Heading level="h2">Points rules 積分規則</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The most of an order&apos;s total that points may pay, per scene (100 points = ¥1). A scene without its own rule uses the default.
        </Text>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          Could not load points rules: {describeError(error)}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Scene 場景</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Max paid with points 積分抵扣上限</Table.HeaderCell>
              <Table.HeaderCell className="w-12" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {scenes.map((scene) => {
              const rule = rules.get(scene)
              return (
                <Table.Row key={scene} data-testid={`points-rule-${scene === DEFAULT_SCENE ? "default" : scene}`}>
                  <Table.Cell>
                    {sceneLabel(scene)} {scene !== DEFAULT_SCENE && <code className="text-ui-fg-muted txt-compact-xsmall">{scene}</code>}
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    {isLoading ? "…" : rule ? `${rule.max_burn_percent}%` : <span className="text-ui-fg-muted">{fallback}% (default)</span>}
                  </Table.Cell>
                  <Table.Cell>
                    <IconButton size="small" variant="transparent" aria-label={`Edit the rule for ${sceneLabel(scene)}`} onClick={() => setEditing(scene)} disabled={isLoading}>
                      <PencilSquare />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
      <PointsRuleDrawer scene={editing} current={editing ? rules.get(editing) ?? null : null} fallback={fallback} onClose={() => setEditing(null)} />
    </Container>
  )
}

const PointsRuleDrawer = ({ scene, current, fallback, onClose }: { scene: string | null; current: PointsRule | null; fallback: number; onClose: () => void }) => {
  const save = useSavePointsRule()
  const [percent, setPercent] = useState("")
  const [submitted, setSubmitted] = useState(false)

  useEffect(() => {
    if (scene) {
      setPercent(current ? String(current.max_burn_percent) : "")
      setSubmitted(false)
      save.reset()
    }
    // reset when a row's drawer opens
  }, [scene])

  const parsed = parsePercent(percent, { allowZero: true })
  const error = submitted && parsed === null ? "A percentage from 0 to 100 with at most 2 decimals; 0 turns points off for this scene" : null

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (!scene || parsed === null) return
    try {
      await save.mutateAsync({ scene, max_burn_percent: percent.trim().replace(/%$/, "") })
      toast.success(`${sceneLabel(scene)}: points pay at most ${parsed}%`)
      onClose()
    } catch {
      // shown in the drawer
    }
  }

  return (
    <Drawer open={!!scene} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid="points-rule-form" noValidate>
          <Drawer.Header>
            <Drawer.Title>Points rule 積分規則</Drawer.Title>
            <Drawer.Description className="sr-only">The most points may pay of an order in this scene</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <Text size="small" weight="plus">
              {scene ? sceneLabel(scene) : ""}
            </Text>
            <Field
              label="Max paid with points 抵扣上限 (%)"
              htmlFor="points-rule-percent"
              error={error}
              hint={current || scene === DEFAULT_SCENE ? "Applies to carts from now on" : `Now uses the default, ${fallback}%`}
            >
              <Input id="points-rule-percent" inputMode="decimal" autoComplete="off" placeholder={String(fallback)} value={percent} onChange={(e) => setPercent(e.target.value)} />
            </Field>
            {save.isError && <Alert variant="error">Not saved: {describeError(save.error)}</Alert>}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={save.isPending}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
