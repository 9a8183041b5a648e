/**
 * A real load balancer for tests: Debian's `haproxy` (installed by .ci/run), the test's own process
 * on loopback, balancing over the test's servers and health-checking each on `/readyz`, as a
 * production balancer would. Each answer names the server that gave it (`x-kb-replica`), and the
 * balancer's own view of each server is read from its statistics page.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { freePort, waitFor } from './server.js'
import { tempDirSync } from './temp.js'

/** Where Debian installs it. */
export const HAPROXY = '/usr/sbin/haproxy'

/** A server behind the balancer. */
export interface Backend {
  name: string
  port: number
}

/** What the balancer knows of a server. */
export interface ServerState {
  /** `UP`, `DOWN`, `UP 1/2` while going down, … */
  status: string
  /** How many times its health check took it out (UP to DOWN) since the balancer started. */
  downs: number
}

/** A running test balancer. */
export interface TestHaproxy {
  /** Port of the balanced frontend. */
  port: number
  /** The balancer's view of each server, by name. */
  states(): Promise<Map<string, ServerState>>
  /** What haproxy printed (its warnings and alerts), for failure messages. */
  log(): string
  close(): Promise<void>
}

/**
 * The configuration: round robin over the servers, each checked every 200 ms on `/readyz` (two
 * failures take it out, two successes bring it back), keep-alive on both sides, and a request
 * whose connection failed or was closed unanswered retried once on another server, as in docs/scaling.md.
 */
export function haproxyConfig(port: number, statsPort: number, backends: readonly Backend[]): string {
  return [
    'global',
    '  maxconn 512',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout http-keep-alive 10s',
    // A check that takes longer fails: without this, haproxy allows `inter` (200 ms here), and a
    // replica merely slowed down (two cores shared by three replicas and their load) left the balancer.
    '  timeout check 2s',
    '  retries 1',
    '  option redispatch',
    // A request whose replica closed the connection without answering (killed) is sent to another.
    '  retry-on conn-failure empty-response',
    '  option forwardfor',
    'frontend kb',
    `  bind 127.0.0.1:${port}`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    '  default-server inter 200ms fastinter 100ms downinter 200ms fall 2 rise 2',
    '  http-response set-header x-kb-replica %s',
    ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`),
    'listen stats',
    `  bind 127.0.0.1:${statsPort}`,
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n')
}

/** Start haproxy in front of `backends`. Throws, naming the package, when it is not installed. */
export async function startHaproxy(backends: readonly Backend[]): Promise<TestHaproxy> {
  if (!existsSync(HAPROXY)) throw new Error(`haproxy is not installed (${HAPROXY}): apt-get install haproxy (.ci/run does)`)
  const dir = tempDirSync('kb-haproxy-')
  const [port, statsPort] = [await freePort(), await freePort()]
  const file = path.join(dir, 'haproxy.cfg')
  writeFileSync(file, haproxyConfig(port, statsPort, backends))
  // A configuration error is reported with haproxy's own message, not as a frontend that never answers.
  execFileSync(HAPROXY, ['-c', '-q', '-f', file], { stdio: 'pipe' })
  let log = ''
  // -db: stay in the foreground, so the test owns the process and its exit.
  const proc: ChildProcess = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] })
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise((r) => proc.once('exit', r))
  const states = async () => {
    const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`, { signal: AbortSignal.timeout(2000) })).text()
    const [header = '', ...rows] = csv.split('\n')
    const columns = header.replace(/^# /, '').split(',')
    const [proxy, server, status, downs] = ['pxname', 'svname', 'status', 'chkdown'].map((c) => columns.indexOf(c))
    const result = new Map<string, ServerState>()
    for (const row of rows) {
      const cells = row.split(',')
      if (cells[proxy!] === 'replicas' && cells[server!] !== 'BACKEND') result.set(cells[server!]!, { status: cells[status!]!, downs: Number(cells[downs!]) })
    }
    return result
  }
  try {
    await waitFor(async () => ((await states()).size === backends.length ? true : undefined), 10_000)
  } catch {
    proc.kill('SIGKILL')
    throw new Error(`haproxy did not start:\n${log.slice(-2000)}`)
  }
  return {
    port,
    states,
    log: () => log,
    close: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGKILL')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
