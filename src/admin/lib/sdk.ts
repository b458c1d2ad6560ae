import Medusa from "@medusajs/js-sdk"

// Vite builds the admin as ESM, where `import.meta.env` exists (typed by src/admin/tsconfig.json).
// The root tsconfig type-checks src/ as CommonJS server code and rejects `import.meta`; the
// ignore goes once src/admin is excluded there (Medusa's own build already skips src/admin).
const viteEnv: { VITE_BACKEND_URL?: string; DEV?: boolean } = import.meta.env

// The admin is served by the Medusa server itself, so "/" reaches the API on the same origin;
// VITE_BACKEND_URL points a separately hosted admin at its backend.
export const sdk = new Medusa({
  baseUrl: viteEnv.VITE_BACKEND_URL || "/",
  debug: !!viteEnv.DEV,
  auth: { type: "session" },
})
