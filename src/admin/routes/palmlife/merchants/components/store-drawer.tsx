import { Button, Drawer, Input, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, type MerchantStore, useSaveStore } from "../../../../lib/merchants-api"
import { emptyHoursText, hoursToText, type HoursText, textToHours, WEEKDAYS, type WeekdayKey } from "../../../../lib/store-hours"
import { Field } from "./field"

type Values = { name: string; address: string; city: string; latitude: string; longitude: string; status: MerchantStore["status"]; hours: HoursText }

const fromStore = (s?: MerchantStore | null): Values => ({
  name: s?.name ?? "",
  address: s?.address ?? "",
  city: s?.city ?? "",
  latitude: s?.latitude == null ? "" : String(s.latitude),
  longitude: s?.longitude == null ? "" : String(s.longitude),
  status: s?.status ?? "active",
  hours: s ? hoursToText(s.hours) : emptyHoursText(),
})

const coordinate = (text: string, limit: number): number | null | "invalid" => {
  if (!text.trim()) return null
  if (!/^-?\d{1,3}(\.\d{1,8})?$/.test(text.trim())) return "invalid"
  const n = Number(text.trim())
  return Math.abs(n) <= limit ? n : "invalid"
}

/** Create (store = null) or edit a store: address, city, geo position, opening hours per weekday, status. */
export const StoreDrawer = ({ merchantId, store, open, onOpenChange }: {
  merchantId: string
  store: MerchantStore | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const [values, setValues] = useState<Values>(fromStore(store))
  const [submitted, setSubmitted] = useState(false)
  const save = useSaveStore(merchantId)

  useEffect(() => {
    if (open) {
      setValues(fromStore(store))
      setSubmitted(false)
    }
  }, [open, store])

  const latitude = coordinate(values.latitude, 90)
  const longitude = coordinate(values.longitude, 180)
  const hours = textToHours(values.hours)
  const invalidDays = new Set<WeekdayKey>("invalidDays" in hours ? hours.invalidDays : [])
  const errors = {
    name: !values.name.trim() ? "Name is required" : null,
    latitude: latitude === "invalid" ? "Latitude is a number between -90 and 90" : null,
    longitude: longitude === "invalid" ? "Longitude is a number between -180 and 180" : null,
  }
  const hasErrors = !!(errors.name || errors.latitude || errors.longitude || invalidDays.size)
  const set = (key: "name" | "address" | "city" | "latitude" | "longitude") => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [key]: e.target.value })
  const setDay = (day: WeekdayKey, text: string) => setValues({ ...values, hours: { ...values.hours, [day]: text } })
  const copyMondayToAll = () => setValues({ ...values, hours: Object.fromEntries(WEEKDAYS.map((d) => [d.key, values.hours["1"]])) as HoursText })

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (hasErrors || "invalidDays" in hours) return
    try {
      await save.mutateAsync({
        id: store?.id,
        name: values.name.trim(),
        address: values.address.trim() || null,
        city: values.city.trim() || null,
        latitude: latitude as number | null,
        longitude: longitude as number | null,
        status: values.status,
        hours: hours.hours,
      })
      toast.success(store ? "Store updated" : "Store created")
      onOpenChange(false)
    } catch (error) {
      toast.error(errorMessage(error))
    }
  }

  const show = (error: string | null) => (submitted ? error : null)

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{store ? "Edit store 編輯門店" : "Create store 新增門店"}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">
            <Field label="Name 門店名稱" htmlFor="store-name" error={show(errors.name)}>
              <Input id="store-name" value={values.name} onChange={set("name")} placeholder="金龍酒家 南京西路總店" autoComplete="off" />
            </Field>
            <Field label="Address 地址" htmlFor="store-address" optional>
              <Input id="store-address" value={values.address} onChange={set("address")} placeholder="上海市靜安區南京西路 1266 號" autoComplete="off" />
            </Field>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <Field label="City 城市" htmlFor="store-city" optional>
                <Input id="store-city" value={values.city} onChange={set("city")} placeholder="Shanghai" autoComplete="off" />
              </Field>
              <Field label="Status 狀態" htmlFor="store-status" hint={values.status === "closed" ? "A closed store gets no new terminals." : undefined}>
                <Select value={values.status} onValueChange={(status) => setValues({ ...values, status: status as MerchantStore["status"] })}>
                  <Select.Trigger id="store-status">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="active">Active 營業中</Select.Item>
                    <Select.Item value="closed">Closed 已關閉</Select.Item>
                  </Select.Content>
                </Select>
              </Field>
              <Field label="Latitude 緯度" htmlFor="store-lat" optional error={show(errors.latitude)}>
                <Input id="store-lat" value={values.latitude} onChange={set("latitude")} placeholder="31.2286" inputMode="decimal" autoComplete="off" />
              </Field>
              <Field label="Longitude 經度" htmlFor="store-lng" optional error={show(errors.longitude)}>
                <Input id="store-lng" value={values.longitude} onChange={set("longitude")} placeholder="121.4555" inputMode="decimal" autoComplete="off" />
              </Field>
            </div>
            <div className="flex flex-col gap-y-2">
              <div className="flex items-center justify-between">
                <Text size="small" weight="plus">
                  Opening hours 營業時間
                </Text>
                <Button size="small" variant="transparent" type="button" onClick={copyMondayToAll}>
                  Copy Monday to all days
                </Button>
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">
                Ranges like 10:00-22:00, several separated by commas (11:00-14:00, 17:00-22:00). Empty = closed that day; all empty = not stated.
              </Text>
              <div className="flex flex-col gap-y-2">
                {WEEKDAYS.map((day) => (
                  <div key={day.key} className="grid grid-cols-[96px_1fr] items-center gap-x-3">
                    <Text size="small" className="text-ui-fg-subtle">
                      {day.short} 週{day.zh}
                    </Text>
                    <Input
                      size="small"
                      aria-label={`Opening hours ${day.short}`}
                      aria-invalid={submitted && invalidDays.has(day.key)}
                      value={values.hours[day.key]}
                      onChange={(e) => setDay(day.key, e.target.value)}
                      placeholder="closed"
                      autoComplete="off"
                    />
                  </div>
                ))}
              </div>
              {submitted && invalidDays.size > 0 && (
                <Text size="xsmall" className="text-ui-fg-error">
                  Check {WEEKDAYS.filter((d) => invalidDays.has(d.key)).map((d) => d.short).join(", ")}: use HH:MM-HH:MM ranges, at most 4 a day.
                </Text>
              )}
            </div>
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
