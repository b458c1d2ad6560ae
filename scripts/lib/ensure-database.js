const { Client } = require("pg")

async function ensureDatabase(adminUrl, name) {
  const client = new Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
  } finally {
    await client.end()
  }
}

module.exports = { ensureDatabase }
