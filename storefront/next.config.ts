import path from "node:path"
import type { NextConfig } from "next"

// The storefront is an npm workspace: `next` and the Medusa SDK are hoisted to the
// repository root, React 19 stays nested here (the root keeps React 18 for the admin).
const workspaceRoot = path.join(__dirname, "..")

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The terminal client is a workspace package shipped as TypeScript source.
  transpilePackages: ["@palmlife/terminal-client"],
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
}

export default nextConfig
