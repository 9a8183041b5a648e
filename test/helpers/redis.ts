/**
 * A real Redis for tests: Debian's `redis-server` (installed by .ci/run), the test's own process on a
 * free loopback port, persisting nothing (a restart starts empty), stopped and removed afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { freePort, waitFor } from './server.js'
import { tempDirSync } from './temp.js'

/** Where Debian installs the server. */
export const REDIS_SERVER = '/usr/bin/redis-server'

/** A running test Redis. */
export interface TestRedis {
  url: string
  port: number
  /** Stop the server (its counts are lost: nothing is saved); `start` brings it back on the same port. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Send one command (inline protocol) and return the raw reply, e.g. `+PONG\r\n`. */
  command(line: string): Promise<string>
  /** Stop it and delete its folder. */
  close(): Promise<void>
}

/** True once a reply has fully arrived: a one-line reply, or a bulk string (`$<length>`) of all its bytes (ASCII here). */
function complete(reply: string): boolean {
  const head = reply.indexOf('\r\n')
  if (head < 0) return false
  if (!reply.startsWith('$')) return true
  const length = Number(reply.slice(1, head))
  return length < 0 || reply.length >= head + 2 + length + 2
}

/** One inline command on a fresh connection; the reply is whatever arrives first, bounded in time. */
function send(port: number, line: string, ms = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const timer = setTimeout(() => socket.destroy(new Error(`no reply from Redis on port ${port} within ${ms} ms`)), ms)
    let reply = ''
    socket.once('connect', () => socket.write(`${line}\r\n`))
    socket.on('data', (d: Buffer) => {
      reply += d.toString()
      if (complete(reply)) socket.end()
    })
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(reply)
    })
    socket.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
  })
}

/** Start a Redis on a free loopback port. Throws, naming the package, when redis-server is not installed. */
export async function startRedis(): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`redis-server is not installed (${REDIS_SERVER}): apt-get install redis-server (.ci/run does)`)
  const dir = tempDirSync('kb-redis-')
  const port = await freePort()
  let proc: ChildProcess | undefined
  let log = ''
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no']
    const p = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    p.stdout?.on('data', (d: Buffer) => (log += d.toString()))
    p.stderr?.on('data', (d: Buffer) => (log += d.toString()))
    proc = p
    try {
      await waitFor(async () => ((await send(port, 'PING', 500)).startsWith('+PONG') ? true : undefined), 10_000)
    } catch {
      throw new Error(`redis-server did not answer on port ${port}:\n${log.slice(-2000)}`)
    }
  }
  const stop = async () => {
    const p = proc
    proc = undefined
    if (!p || p.exitCode !== null || p.signalCode !== null) return
    const exited = new Promise((r) => p.once('exit', r))
    p.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    command: (line) => send(port, line),
    close: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
