// The bare-pg floor for a redemption: one transaction of one UPDATE of a balance row plus one
// INSERT of a ledger row, from a Pool as large as the number of workers, on the bench database.
// It lives in its own schema so it never touches the application's tables.
const { Pool } = require("pg")

const SCHEMA = "bench_scratch"

async function preparePgBaseline(databaseUrl, rows) {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 })
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
    await pool.query(`CREATE SCHEMA ${SCHEMA}`)
    await pool.query(`CREATE TABLE ${SCHEMA}.balance (id int PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0))`)
    await pool.query(`CREATE TABLE ${SCHEMA}.ledger (id bigserial PRIMARY KEY, account_id int NOT NULL, amount int NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`)
    // one row per worker, as each redeem worker has its own voucher: no lock contention either side
    await pool.query(`INSERT INTO ${SCHEMA}.balance SELECT g, 100000000 FROM generate_series(0, $1::int - 1) g`, [rows])
  } finally {
    await pool.end()
  }
}

/** A Pool of `size` connections and a `call(worker)` for runClosedLoop; `end()` closes the pool. */
function pgBaselineCaller(databaseUrl, size) {
  const pool = new Pool({ connectionString: databaseUrl, max: size })
  const call = async (worker) => {
    const client = await pool.connect()
    try {
      await client.query("BEGIN")
      await client.query(`UPDATE ${SCHEMA}.balance SET balance = balance - 1 WHERE id = $1`, [worker])
      await client.query(`INSERT INTO ${SCHEMA}.ledger (account_id, amount) VALUES ($1, 1)`, [worker])
      await client.query("COMMIT")
      return { ok: true }
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {})
      return { ok: false, detail: err.message }
    } finally {
      client.release()
    }
  }
  return { call, end: () => pool.end() }
}

module.exports = { preparePgBaseline, pgBaselineCaller }
