import { chromium, type Browser, type Page } from "playwright-core"

// Debian's Chromium, never a downloaded browser; the flags keep it off the closed network.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
    ],
  })
}

export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "zh-CN" })
  return context.newPage()
}

export function stackUrls() {
  const storefront = process.env.E2E_STOREFRONT_URL
  const backend = process.env.E2E_BACKEND_URL
  if (!storefront || !backend) throw new Error("the e2e stack is not running (TEST_TYPE=e2e starts it)")
  return { storefront, backend, publishableKey: process.env.E2E_PUBLISHABLE_KEY as string }
}
