/**
 * A real PostgreSQL for tests: Debian's `postgresql` package (installed by .ci/run), a cluster
 * made by `initdb` in a temp folder, listening on loopback only, stopped and removed afterwards.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './server.js'

/** The folder of Debian's PostgreSQL binaries (the newest installed), or undefined. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined
}

/** A running test cluster. */
export interface TestPostgres {
  url: string
  port: number
  /** Stop the server (fast shutdown); the data stays, `start` brings it back on the same port. */
  stop(): void
  start(): void
  /** The server's main process (the postmaster), while it runs: its children are the cluster's other processes. */
  pid(): number | undefined
  /** Stop and delete everything. */
  close(): void
}

/** Start a throwaway cluster on a free loopback port. Throws when PostgreSQL is not installed. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does)')
  const root = mkdtempSync(path.join(os.tmpdir(), 'kb-pg-'))
  const data = path.join(root, 'data')
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(root, uid, gid)
    chmodSync(root, 0o700)
  }
  // As root, run each PostgreSQL program as the postgres user.
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], { stdio: 'pipe', cwd: root })
      : execFileSync(path.join(bin, program), args, { stdio: 'pipe', cwd: root })
  run('initdb', ['-D', data, '-U', 'kb', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  const options = `-p ${port} -h 127.0.0.1 -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(root, 'log'), '-w', '-t', '30', 'start'])
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'])
  start()
  return {
    url: `postgres://kb@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    pid: () => {
      const pid = Number.parseInt(readFileSyncSafe(path.join(data, 'postmaster.pid')), 10)
      return Number.isInteger(pid) ? pid : undefined
    },
    close: () => {
      try {
        stop()
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** A file's text, or '' when it cannot be read (the server stopped and removed its pid file). */
function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}
