// Runs in every test file before it loads: quiet logs, deterministic env.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"
process.env.TZ = process.env.TZ || "UTC"
