/**
 * The benchmark's load generator, in a process of its own: autocannon against one server, the
 * requests rotating, for a bounded time. It runs apart from the benchmark process on purpose:
 * that process holds the generated KB and workload (tens of MB of live objects), and a load
 * generator sharing its heap paid for them in garbage collection. Measured at 10,000 articles,
 * 40 KB pastes: its CPU per run went from about 2.0 to 3.9 s and the pauses showed as latency,
 * p99 123 -> 180 ms for the same server.
 *
 *   node --import tsx bench/loadgen.ts <job.json>
 *
 * The job file: { url, connections, durationS, requests: [{ method, path, body?, headers? }] }.
 * Prints one JSON line: autocannon's figures and this process's own CPU time.
 */
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { histogramOf, type LatencyHistogram } from './rounds.js'

/** One request of the rotation; the body as text. */
export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  body?: string
  headers?: Record<string, string>
}

/** What the benchmark asks of one load run. */
export interface LoadJob {
  url: string
  connections: number
  durationS: number
  requests: LoadRequest[]
}

/** What one load run measured. */
export interface LoadOutcome {
  p50: number
  p90: number
  p99: number
  max: number
  requests: number
  durationS: number
  non2xx: number
  errors: number
  timeouts: number
  /** CPU time of this process (user + system) from its start to the end of the run, in ms. */
  cpuMs: number
  /** The 2xx latencies, 1% buckets: rounds are pooled from these (bench/rounds.ts). Absent past MAX_SAMPLES. */
  histogram?: LatencyHistogram
}

const file = process.argv[2]
if (!file) throw new Error('usage: loadgen.ts <job.json>')
const job = JSON.parse(readFileSync(file, 'utf8')) as LoadJob
const bodies = job.requests.map((r) => (r.body === undefined ? undefined : Buffer.from(r.body)))
let next = 0

/**
 * Latencies of 2xx answers as measured (fractional ms), kept apart from autocannon's histogram,
 * which records whole milliseconds: at a p99 of 8 ms one bucket is 12%, more than the 10% the
 * events comparison is judged by. Bounded: past MAX_SAMPLES the rest are not kept (autocannon's
 * figures are then reported instead).
 */
const MAX_SAMPLES = 20_000_000
let samples = new Float64Array(1 << 16)
let sampled = 0
let overflow = false
function keep(ms: number): void {
  if (sampled === samples.length) {
    if (sampled >= MAX_SAMPLES) {
      overflow = true
      return
    }
    const grown = new Float64Array(Math.min(MAX_SAMPLES, samples.length * 2))
    grown.set(samples)
    samples = grown
  }
  samples[sampled++] = ms
}
/** The q-quantile (nearest rank) of the kept latencies, sorted. */
const quantile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
const instance = autocannon(
  {
    url: job.url,
    connections: job.connections,
    duration: job.durationS,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const i = next++ % job.requests.length
          const r = job.requests[i]!
          return {
            ...req,
            method: r.method,
            path: r.path,
            body: bodies[i],
            headers: { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
          }
        },
      },
    ],
  },
  (err, res) => {
    clearTimeout(guard)
    if (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
      process.exit(1)
    }
    const cpu = process.cpuUsage()
    const sorted = samples.subarray(0, sampled).sort()
    const exact = sampled > 0 && !overflow
    const outcome: LoadOutcome = {
      p50: exact ? quantile(sorted, 0.5) : res.latency.p50,
      p90: exact ? quantile(sorted, 0.9) : res.latency.p90,
      p99: exact ? quantile(sorted, 0.99) : res.latency.p99,
      max: exact ? sorted[sorted.length - 1]! : res.latency.max,
      requests: res.requests.total,
      durationS: res.duration,
      non2xx: res.non2xx,
      errors: res.errors,
      timeouts: res.timeouts,
      cpuMs: (cpu.user + cpu.system) / 1000,
      ...(exact ? { histogram: histogramOf(sorted) } : {}),
    }
    process.stdout.write(`${JSON.stringify(outcome)}\n`)
  },
)
instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
  if (status >= 200 && status < 300) keep(ms)
})
// Bounded: a run that overruns its duration by a minute is stopped (autocannon then reports what it has).
const guard = setTimeout(() => instance.stop(), (job.durationS + 60) * 1000)
