// `npm run db`: just the embedded PostgreSQL the demo uses, in the foreground (Ctrl-C stops it).
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")
const { ensureDatabase } = require("./lib/ensure-database")

async function main() {
  const port = Number(process.env.PALMLIFE_PG_PORT || 5433)
  const pg = await startEmbeddedPostgres({ name: "pg", port, log: (m) => console.log(`[db] ${m}`) })
  await ensureDatabase(pg.url("postgres"), "palmlife")
  console.log(`[db] ready: ${pg.url("palmlife")} (data in ${pg.dataDir})`)
  const stop = async () => { await pg.stop(); process.exit(0) }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}
main().catch((e) => { console.error(e); process.exit(1) })
