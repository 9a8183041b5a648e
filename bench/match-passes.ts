/**
 * What a match costs the first time its candidates are seen, and after: the benchmark's pastes
 * run in passes over one Matcher. The matcher prepares an article's symptom profile, and a
 * snippet analyzes an article's passages, the first time the article comes up, and each query
 * worker keeps its own; so the first pass is what a worker pays while its caches are cold (the
 * load benchmark's runs at 10,000 articles and more are mostly that), the later ones what it pays
 * once they are warm. V8's JIT is warmed first on other pastes (another seed's), so the first pass
 * is cold in the matcher's caches, not in compiled code. Per pass: wall time per paste (p50, p90,
 * p99, max), CPU time per paste (fairer on a busy machine), and article bodies decoded. Prints
 * figures; asserts nothing.
 *
 *   node --import tsx bench/match-passes.ts --index <artifact> --count <n> [--seed 42] [--passes 3] [--long]
 *
 * `--count` and `--seed` must be those the artifact was generated with; `--long` runs the 40 KB
 * pastes instead of the short ones.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import '../src/core/analysis/pipeline.js'
import { parseArtifact } from '../src/build/artifact/artifact.js'
import { Matcher } from '../src/core/match/match.js'
import { matchAnswer } from '../src/runtime/query/answers.js'
import { articleSource, DEFAULT_SEED } from './generate.js'
import { makeWorkload } from './workload.js'

const { values } = parseArgs({
  options: {
    index: { type: 'string' },
    count: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    passes: { type: 'string', default: '3' },
    long: { type: 'boolean', default: false },
  },
})
if (!values.index || !values.count) throw new Error('usage: match-passes --index <artifact> --count <n> [--seed 42] [--passes 3] [--long]')
const count = Number(values.count)
const seed = Number(values.seed)

const artifact = parseArtifact(await readFile(values.index), values.index)
const matcher = new Matcher(artifact)
const source = articleSource(seed)
const pick = (w: ReturnType<typeof makeWorkload>) => (values.long ? w.longPastes : w.shortPastes)
const pastes = pick(makeWorkload(count, source, seed))
// Another seed's pastes for the JIT: most of their candidates are other articles.
for (const p of pick(makeWorkload(count, source, seed + 1)).slice(0, 150)) matchAnswer(matcher.matchRead({ text: p.text, limit: 5 }))

/** The value at fraction `f` of sorted values. */
const at = (sorted: number[], f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))]!
const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`

process.stdout.write(`${pastes.length} ${values.long ? '40 KB' : 'short'} pastes, ${artifact.articles.length} articles\n`)
for (let pass = 1; pass <= Number(values.passes); pass++) {
  const times: number[] = []
  const decodes = artifact.bodies.decodes
  const cpu = process.cpuUsage()
  for (const p of pastes) {
    const t = performance.now()
    matchAnswer(matcher.matchRead({ text: p.text, limit: 5 }))
    times.push(performance.now() - t)
  }
  const c = process.cpuUsage(cpu)
  times.sort((a, b) => a - b)
  const label = pass === 1 ? 'pass 1 (cold caches)' : `pass ${pass} (warm)`
  process.stdout.write(
    `  ${label.padEnd(21)} p50 ${ms(at(times, 0.5))}  p90 ${ms(at(times, 0.9))}  p99 ${ms(at(times, 0.99))}  max ${ms(times[times.length - 1]!)}` +
      `  CPU ${ms((c.user + c.system) / 1000 / pastes.length)} per paste  ${artifact.bodies.decodes - decodes} bodies decoded\n`,
  )
}
