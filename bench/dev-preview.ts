/**
 * `kb dev` at size: how long after one article changes the hosted page shows it, in headless
 * Chromium, for a generated KB (the bundled articles copied with unique ids). Prints each edit's
 * time to the page and the build's part of it. Usage: node --import tsx bench/dev-preview.ts [articles=1000] [edits=5]
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startDev } from '../src/cli/dev.js'
import { launchChromium } from '../test/browser/servers.js'
import { bundledCopies } from '../test/helpers/kb.js'

const size = Number(process.argv[2] ?? 1000)
const edits = Number(process.argv[3] ?? 5)

const dir = await bundledCopies(size)
const id = 'iis6-connections-refused-nonpaged-pool'
const file = path.join(dir, `${id}.md`)
const t0 = performance.now()
const dev = await startDev({ articles: dir, port: 0, print: { out: () => undefined, err: () => undefined } })
console.log(`${size} articles: first build and start ${Math.round(performance.now() - t0)} ms`)
const browser = await launchChromium()
try {
  const page = await browser.newPage()
  page.setDefaultTimeout(30_000)
  await page.goto(`${dev.origin}/articles/${id}`)
  await page.locator('#article h1').waitFor()
  const shown: number[] = []
  for (let i = 0; i < edits; i++) {
    const title = `Edit ${i} of the benchmark`
    const listening = page.waitForRequest((r) => r.url().endsWith('/dev/events'))
    const built = dev.nextBuild()
    const start = performance.now()
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`))
    const b = await built
    const tBuild = performance.now() - start
    await page.locator('#article h1').filter({ hasText: title }).waitFor()
    const t = performance.now() - start
    shown.push(t)
    console.log(`edit ${i + 1}: on the page after ${Math.round(t)} ms (served after ${Math.round(tBuild)} ms; build ${JSON.stringify(b.timings)})`)
    await listening
  }
  shown.sort((a, b) => a - b)
  console.log(`median ${Math.round(shown[Math.floor(shown.length / 2)]!)} ms, max ${Math.round(shown.at(-1)!)} ms`)
} finally {
  await browser.close()
  await dev.close()
  await rm(dir, { recursive: true, force: true })
}
