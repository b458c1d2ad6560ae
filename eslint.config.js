// Lint for the backend, tests, scripts and storefront: typescript-eslint's recommended rules.
const tseslint = require("typescript-eslint")

module.exports = tseslint.config(
  {
    ignores: [
      "**/node_modules/**", ".medusa/**", ".data/**", "static/**", "uploads/**",
      "storefront/.next/**", "storefront/next-env.d.ts", "bench/out/**", "coverage/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
)
