/** Servers for the browser tests: the KB app on a real port, and a tiny "support portal" site. */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { type Browser, chromium } from 'playwright-core'
import { createApp } from '../../src/app.js'
import { kbFrom } from '../helpers/kb.js'

export interface Running {
  origin: string
  close(): Promise<void>
}

/** The KB app for the articles in `dir`, listening on a random 127.0.0.1 port. */
export async function startKb(dir: string, corsOrigins: string[]): Promise<Running & { app: FastifyInstance }> {
  const app = await createApp({ kb: await kbFrom(dir), bodyLimit: 256 * 1024, corsOrigins }, { logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return { app, origin: `http://127.0.0.1:${port}`, close: () => app.close() }
}

/**
 * A site on its own random port serving `pages` (path -> HTML), so it is another origin than the
 * KB's. Pages are produced per request: the KB's address may be known only later.
 */
export async function startSite(pages: Record<string, () => string>): Promise<Running> {
  const server = http.createServer((req, res) => {
    const page = pages[(req.url ?? '/').split('?')[0] ?? '/']
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page())
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The demo portal's HTML, embedding the widget of the KB at `kbOrigin` with the two lines. */
export async function portalTemplate(): Promise<(kbOrigin: string) => string> {
  const html = await readFile(path.join(import.meta.dirname, 'portal.html'), 'utf8')
  return (kbOrigin) => html.replaceAll('{{KB}}', kbOrigin)
}

export const CHROMIUM = '/usr/bin/chromium'

/** Fail (not skip) with the fix when the browser is missing: CI installs it, so must a developer. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: the browser tests drive Debian's chromium package. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (as .ci/run does), then run npm test again.',
    )
  }
}

/** Debian's Chromium, headless, with the flags every browser test and bench uses (no sandbox, GPU, background traffic or updates). */
export function launchChromium(): Promise<Browser> {
  assertChromium()
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  })
}
