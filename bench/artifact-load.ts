/**
 * What loading an artifact costs: its size, the time to load it as a server does (off the main
 * thread, then the articles' META on the main thread), the memory after, and what reading bodies
 * costs once loaded (they are decoded on demand). Prints figures; asserts nothing.
 *
 *   node --expose-gc --import tsx bench/artifact-load.ts --index kb.bin [--bodies 1000]
 */
import { stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { readArtifactOffThread } from '../src/build/artifact/artifact.js'
import { Matcher } from '../src/core/match/match.js'

const { values } = parseArgs({ options: { index: { type: 'string' }, bodies: { type: 'string', default: '1000' } } })
if (!values.index) throw new Error('usage: artifact-load --index <artifact> [--bodies n]')

const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`
const gc = (globalThis as { gc?: () => void }).gc
const memory = () => {
  gc?.()
  const m = process.memoryUsage()
  return `RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)}, outside the heap ${mb(m.external + m.arrayBuffers)}`
}
const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(34)} ${value}\n`)

line('artifact', `${values.index} (${mb((await stat(values.index)).size)})`)
line('before loading', memory())
let t = performance.now()
const artifact = await readArtifactOffThread(values.index)
line('readArtifactOffThread', `${(performance.now() - t).toFixed(0)} ms (${artifact.articles.length} articles, ${artifact.index.termCount} terms)`)
t = performance.now()
const matcher = new Matcher(artifact)
line('new Matcher', `${(performance.now() - t).toFixed(0)} ms`)
line('after loading', memory())
const n = Math.min(Number(values.bodies), artifact.articles.length)
const step = artifact.articles.length / Math.max(1, n)
t = performance.now()
let chars = 0
for (let i = 0; i < n; i++) chars += artifact.articles[Math.floor(i * step)]!.body.text.length
const ms = performance.now() - t
line(
  `reading ${n} bodies (spread)`,
  `${ms.toFixed(0)} ms, ${((1000 * ms) / Math.max(1, n)).toFixed(0)} µs each (${mb(chars)} of text), ${artifact.bodies.decodes} decoded`,
)
line('after reading them', memory())
void matcher
