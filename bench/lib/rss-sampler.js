// Peak resident memory of a process, sampled: from inside (process.memoryUsage) or, for a child,
// from /proc/<pid>/status (Linux). Sampling can miss a spike shorter than the interval; the kernel's
// own high-water mark (VmHWM) is read too when the process is still there to ask.
const fs = require("node:fs")

const MB = 1024 * 1024

function procStatus(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, "utf8")
    const kb = (key) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)
      return m ? Number(m[1]) * 1024 : null
    }
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") }
  } catch {
    return null
  }
}

/** Samples another process's RSS every `intervalMs` until stop(); figures in bytes. */
function sampleProcessRss(pid, intervalMs = 50) {
  let peak = 0
  let hwm = 0
  let samples = 0
  const tick = () => {
    const s = procStatus(pid)
    if (!s) return
    samples++
    if (s.rss > peak) peak = s.rss
    if (s.hwm > hwm) hwm = s.hwm
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    stop() {
      tick()
      clearInterval(timer)
      return { peak_rss_bytes: peak, peak_rss_hwm_bytes: hwm || null, samples, interval_ms: intervalMs }
    },
  }
}

/** Samples this process's RSS and heap every `intervalMs` from now until stop(). */
function sampleSelf(intervalMs = 10) {
  const start = process.memoryUsage()
  let peakRss = start.rss
  let peakHeap = start.heapUsed
  let samples = 0
  const tick = () => {
    const m = process.memoryUsage()
    samples++
    if (m.rss > peakRss) peakRss = m.rss
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    stop() {
      tick()
      clearInterval(timer)
      return {
        rss_before_bytes: start.rss,
        peak_rss_bytes: peakRss,
        rss_growth_bytes: peakRss - start.rss,
        heap_before_bytes: start.heapUsed,
        peak_heap_bytes: peakHeap,
        samples,
        interval_ms: intervalMs,
      }
    },
  }
}

module.exports = { sampleProcessRss, sampleSelf, MB }
