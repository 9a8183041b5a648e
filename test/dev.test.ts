/**
 * `kb dev`: the incremental builder (only changed files parsed again, the same artifact as a full
 * build), the live server (a change served within a bound, lint problems on /dev/events, the
 * previous build kept when nothing is valid), and the page reloading itself in headless Chromium
 * with the problems banner. KB_DEV_ARTICLES=1000 runs the live tests on a larger generated KB.
 */
import assert from 'node:assert/strict'
import { readFile, rm, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'playwright-core'
import { buildFromFolder } from '../src/build/index/build.js'
import { parseArtifact } from '../src/build/artifact/artifact.js'
import { IncrementalBuilder } from '../src/build/index/incremental.js'
import { type DevServer, startDev } from '../src/cli/dev.js'
import { bundledCopies } from './helpers/kb.js'
import { assertChromium, launchChromium } from './browser/servers.js'

const BOUND_MS = 15_000
const SIZE = Number(process.env.KB_DEV_ARTICLES ?? 60)
const IIS6 = 'iis6-connections-refused-nonpaged-pool'

/** Poll `check` every 20 ms until it is true, at most `bound` ms; returns the time it took. */
async function within(bound: number, check: () => Promise<boolean>): Promise<number> {
  const t0 = performance.now()
  while (performance.now() - t0 < bound) {
    if (await check()) return performance.now() - t0
    await new Promise((r) => setTimeout(r, 20))
  }
  assert.fail(`not within ${bound} ms`)
}

const silent = { out: () => undefined, err: () => undefined }

describe('incremental builder', () => {
  let dir: string
  before(async () => {
    dir = await bundledCopies(40)
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('parses only what changed and gives the artifact a full build gives', async () => {
    const builder = new IncrementalBuilder(dir)
    const first = await builder.build()
    assert.equal(first.reparsed, 40)
    assert.equal((await builder.build()).reparsed, 0)
    const file = path.join(dir, `${IIS6}.md`)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/^title: .*$/m, 'title: IIS 6 refuses connections, a new title'))
    const second = await builder.build()
    assert.equal(second.reparsed, 1)
    assert.notEqual(second.artifact!.header.buildId, first.artifact!.header.buildId)
    // What a full build stores: the same articles, codes and postings.
    const full = parseArtifact((await buildFromFolder(dir)).bytes, 'full')
    assert.deepEqual(second.artifact!.articles, full.articles)
    assert.deepEqual(second.artifact!.codes, full.codes)
    assert.deepEqual(second.artifact!.index, full.index)
    // Removed, then broken: the article goes, the problem names its file and line.
    await unlink(file)
    const third = await builder.build()
    assert.equal(third.reparsed, 0)
    assert.equal(third.artifact!.articles.length, 39)
    await writeFile(file, text.replace(/^title: .*$/m, 'title: [1, 2]'))
    const fourth = await builder.build()
    assert.equal(fourth.artifact!.articles.length, 39)
    assert.ok(fourth.problems.some((p) => p.file.endsWith(`${IIS6}.md`) && p.field === 'title' && p.severity === 'error' && p.line === 3))
  })
})

describe('kb dev server', { timeout: 120_000 }, () => {
  let dir: string
  let dev: DevServer
  let browser: Browser | undefined
  before(async () => {
    dir = await bundledCopies(SIZE)
    dev = await startDev({ articles: dir, port: 0, print: silent })
  })
  after(async () => {
    await browser?.close().catch(() => undefined)
    await dev?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('listens on the loopback address only and serves the KB with events off', async () => {
    assert.match(dev.origin, /^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${dev.origin}/api/articles/${IIS6}`)
    assert.equal(res.status, 200)
    const open = await fetch(`${dev.origin}/api/events/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    assert.notEqual(open.status, 202)
  })

  it('serves an edited article within the bound and lists lint problems on /dev/events', async () => {
    const file = path.join(dir, `${IIS6}.md`)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/^title: .*$/m, 'title: Edited over HTTP'))
    const ms = await within(
      BOUND_MS,
      async () => ((await (await fetch(`${dev.origin}/api/articles/${IIS6}`)).json()) as { title: string }).title === 'Edited over HTTP',
    )
    process.stdout.write(`# kb dev, ${SIZE} articles: an edit served over HTTP after ${Math.round(ms)} ms\n`)

    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: Broken\nsymptoms: nope\n---\nbody\n')
    await within(BOUND_MS, async () => {
      const status = await firstEvent(dev.origin)
      return status.problems.some((p) => p.line.startsWith(`${dir.split(path.sep).join('/')}/broken.md:`) && p.severity === 'error')
    })
    await unlink(path.join(dir, 'broken.md'))
  })

  it('reloads the page in Chromium when the build changes, and shows lint problems in a banner', async () => {
    assertChromium()
    browser = await launchChromium()
    const page = await (await browser.newContext()).newPage()
    page.setDefaultTimeout(BOUND_MS)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    // The page asks for the events before the edit (a build served between the page and its stream reloads it too).
    const listening = page.waitForRequest((r) => r.url().endsWith('/dev/events'))
    await page.goto(`${dev.origin}/articles/${IIS6}`)
    await page.locator('#article h1').filter({ hasText: 'Edited over HTTP' }).waitFor()
    await listening
    const file = path.join(dir, `${IIS6}.md`)
    const text = await readFile(file, 'utf8')
    const built = dev.nextBuild()
    const reloaded = page.waitForEvent('load')
    const t0 = performance.now()
    await writeFile(file, text.replace(/^title: .*$/m, 'title: Edited in the browser'))
    const build = await built
    const tBuilt = performance.now() - t0
    await reloaded
    const tLoaded = performance.now() - t0
    await page.locator('#article h1').filter({ hasText: 'Edited in the browser' }).waitFor()
    const ms = (t: number) => `${Math.round(t)} ms`
    process.stdout.write(
      `# kb dev, ${SIZE} articles: an edit shown on the page after ${ms(performance.now() - t0)} (built after ${ms(tBuilt)}, of which the build ${ms(build.timings.totalMs)}: ${JSON.stringify(build.timings)}; page reloaded after ${ms(tLoaded)})\n`,
    )

    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: Broken\nsymptoms: nope\n---\nbody\n')
    const banner = page.locator('#kb-dev-banner')
    await banner.filter({ hasText: 'broken.md:' }).waitFor()
    assert.match(await banner.innerText(), /broken\.md:\d+ symptoms: /)
    await unlink(path.join(dir, 'broken.md'))
    await page.waitForFunction(() => !document.getElementById('kb-dev-banner')?.textContent?.includes('broken.md:'))
    assert.deepEqual(errors, [])
  })
})

/** The first message of /dev/events: the status of the build served. */
async function firstEvent(origin: string): Promise<{ buildId: string; problems: Array<{ line: string; severity: string }> }> {
  const ac = new AbortController()
  const res = await fetch(`${origin}/dev/events`, { signal: ac.signal })
  const reader = res.body!.getReader()
  let text = ''
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read()
    if (done) break
    text += Buffer.from(value).toString('utf8')
  }
  ac.abort()
  return JSON.parse(text.slice(text.indexOf('data: ') + 6, text.indexOf('\n\n'))) as never
}
