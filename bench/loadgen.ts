/**
 * The benchmark's load generator, in a process of its own: autocannon against one server, the
 * requests rotating, for a bounded time; or, with a rate, an open loop at that rate (openLoop). It runs apart from the benchmark process on purpose:
 * that process holds the generated KB and workload (tens of MB of live objects), and a load
 * generator sharing its heap paid for them in garbage collection. Measured at 10,000 articles,
 * 40 KB pastes: its CPU per run went from about 2.0 to 3.9 s and the pauses showed as latency,
 * p99 123 -> 180 ms for the same server.
 *
 *   node --import tsx bench/loadgen.ts <job.json>
 *
 * The job file: { url, connections, durationS, rate?, requests: [{ method, path, body?, headers? }] }.
 * Prints one JSON line: autocannon's figures and this process's own CPU time.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'
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
  /** Requests a second, sent on schedule whatever the answers (openLoop); absent: closed loop at saturation (autocannon). */
  rate?: number
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
  /** Open loop: the latest a request left after its scheduled time, in ms (the generator's own lag, counted in latency). */
  lateMs?: number
  /** Open loop: requests not sent because too many were waiting (the server could not keep up with the rate). */
  missed?: number
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
/** The figures of a run from the kept latencies (or autocannon's when past the cap), with this process's CPU time. */
function outcomeOf(
  counts: Pick<LoadOutcome, 'requests' | 'durationS' | 'non2xx' | 'errors' | 'timeouts' | 'lateMs' | 'missed'>,
  fallback?: { p50: number; p90: number; p99: number; max: number },
): LoadOutcome {
  const cpu = process.cpuUsage()
  const sorted = samples.subarray(0, sampled).sort()
  const exact = sampled > 0 && !overflow
  return {
    p50: exact || !fallback ? quantile(sorted, 0.5) : fallback.p50,
    p90: exact || !fallback ? quantile(sorted, 0.9) : fallback.p90,
    p99: exact || !fallback ? quantile(sorted, 0.99) : fallback.p99,
    max: exact || !fallback ? (sorted[sorted.length - 1] ?? Number.NaN) : fallback.max,
    ...counts,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(exact ? { histogram: histogramOf(sorted) } : {}),
  }
}

/** Requests waiting for a connection, per connection, past which the open loop skips (and counts) a request: bounded memory. */
const MAX_WAITING_PER_CONNECTION = 50

/**
 * An open loop: request i leaves at start + i/rate whatever the answers, over `connections`
 * keep-alive connections, and its latency runs from that scheduled time, so time spent waiting
 * for a free connection counts, as in wrk2. A closed loop at saturation keeps every connection
 * waiting, so its mean latency is connections / req/s (Little's law) and its p99 mostly restates
 * its req/s; paced, p99 is what a user meets at that load. Evenly spaced, not random,
 * so that two servers get the very same arrivals. Bounded: at most MAX_WAITING_PER_CONNECTION
 * waiting per connection (beyond, a request is counted as missed) and the run's time limit.
 */
function openLoop(rate: number): Promise<LoadOutcome> {
  const url = new URL(job.url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections })
  const total = Math.floor(rate * job.durationS)
  const counts = { requests: 0, durationS: job.durationS, non2xx: 0, errors: 0, timeouts: 0, lateMs: 0, missed: 0 }
  let sent = 0
  let inFlight = 0
  const start = performance.now()
  return new Promise((resolve) => {
    const done = () => {
      agent.destroy()
      resolve(outcomeOf(counts))
    }
    const settled = () => {
      inFlight--
      if (sent === total && inFlight === 0) done()
    }
    const send = (scheduled: number) => {
      const i = next++ % job.requests.length
      const r = job.requests[i]!
      inFlight++
      // Once per request, whichever of answer, timeout and error comes first.
      let open = true
      const settle = (count: () => void) => {
        if (!open) return
        open = false
        count()
        settled()
      }
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: r.method,
          path: r.path,
          timeout: 30_000,
          headers: { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
        },
        (res) => {
          res.resume()
          res.on('end', () =>
            settle(() => {
              counts.requests++
              const status = res.statusCode ?? 0
              if (status >= 200 && status < 300) keep(performance.now() - scheduled)
              else counts.non2xx++
            }),
          )
        },
      )
      req.on('timeout', () => {
        settle(() => counts.timeouts++)
        req.destroy()
      })
      req.on('error', () => settle(() => counts.errors++))
      req.end(bodies[i])
    }
    const tick = () => {
      const now = performance.now()
      const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1)
      for (; sent < due; sent++) {
        const scheduled = start + (sent / rate) * 1000
        counts.lateMs = Math.max(counts.lateMs, now - scheduled)
        if (inFlight >= job.connections * MAX_WAITING_PER_CONNECTION) counts.missed++
        else send(scheduled)
      }
      if (sent < total) setTimeout(tick, 1)
      else if (inFlight === 0) done()
    }
    tick()
  })
}

if (job.rate !== undefined) {
  const guard = setTimeout(
    () => {
      process.stderr.write(`open loop: still waiting for answers ${job.durationS + 60} s after the start\n`)
      process.exit(1)
    },
    (job.durationS + 60) * 1000,
  )
  openLoop(job.rate).then(
    (outcome) => {
      clearTimeout(guard)
      process.stdout.write(`${JSON.stringify(outcome)}\n`)
    },
    (err: unknown) => {
      process.stderr.write(`open loop: ${err instanceof Error ? err.message : String(err)}\n`)
      process.exit(1)
    },
  )
} else {
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
      const outcome = outcomeOf(
        { requests: res.requests.total, durationS: res.duration, non2xx: res.non2xx, errors: res.errors, timeouts: res.timeouts },
        res.latency,
      )
      process.stdout.write(`${JSON.stringify(outcome)}\n`)
    },
  )
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) keep(ms)
  })
  // Bounded: a run that overruns its duration by a minute is stopped (autocannon then reports what it has).
  const guard = setTimeout(() => instance.stop(), (job.durationS + 60) * 1000)
}
