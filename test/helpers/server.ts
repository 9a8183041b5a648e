/** Test helpers for real server processes on loopback. */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { NODE_FLAGS } from '../../src/runtime/memory.js'
import { REPO } from './kb.js'

/** The bundled CLI, as users run it (`npm test` builds it first). */
export const CLI = path.join(REPO, 'build', 'bundle', 'main.js')

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** Poll until `fn` gives a value (errors count as "not yet"); bounded in time. */
export async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn().catch(() => undefined)
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** A `kb serve` process on loopback, with its stdout log collected and its exit code awaitable. */
export interface ServerProcess {
  proc: ChildProcess
  port: number
  log(): string
  exited: Promise<number | null>
}

/**
 * Start `kb serve --index file` on a free loopback port, with the V8 flags `kb` gives node (`env`:
 * settings besides the test's environment). Events are off unless `env` turns them on, so a test
 * server never writes a database into the working tree.
 */
export async function serve(index: string, logLevel = 'info', env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort()
  const proc = spawn(process.execPath, [...NODE_FLAGS, CLI, 'serve', '--index', index, '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, KB_EVENTS: '0', LOG_LEVEL: logLevel, ...env },
  })
  let log = ''
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)))
  return { proc, port, log: () => log, exited }
}
