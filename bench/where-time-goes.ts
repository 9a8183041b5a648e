/**
 * Where the time goes, measured in one process (single-threaded, no HTTP, so a busy machine
 * disturbs it less than a load run): the stages of loading an artifact (reading the file, a
 * sha256 over it for scale, the project's whole load of the binary artifact, preparing the
 * matcher) and the cost of each kind of query and paste of the benchmark's
 * workload, split into the index query and the rest. Only the project's public functions are
 * used (runQuery, search, Matcher), so it works whatever index format the artifact has.
 *
 *   node --import tsx bench/where-time-goes.ts --index <artifact> --count <n> [--seed 42]
 *
 * `--count` and `--seed` must be those the artifact was generated with (the workload is drawn
 * from the same generated articles). Uses the project's own modules; changes nothing.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import '../src/core/analysis/pipeline.js'
import { type LoadedArtifact, parseArtifact } from '../src/build/artifact/artifact.js'
import { Matcher } from '../src/core/match/match.js'
import { runQuery, search } from '../src/core/search/search.js'
import { articleSource, DEFAULT_SEED } from './generate.js'
import { makeWorkload } from './workload.js'

const { values } = parseArgs({ options: { index: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string', default: String(DEFAULT_SEED) } } })
if (!values.index || !values.count) throw new Error('usage: where-time-goes --index <artifact> --count <n> [--seed 42]')

const heap = () => `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB RSS`
const time = <T>(label: string, f: () => T): T => {
  const t = performance.now()
  const v = f()
  process.stdout.write(`  ${label.padEnd(28)} ${(performance.now() - t).toFixed(0).padStart(7)} ms   (${heap()})\n`)
  return v
}

process.stdout.write(`loading ${values.index}\n`)
const rawT = performance.now()
const raw = await readFile(values.index)
process.stdout.write(`  ${'read file'.padEnd(28)} ${(performance.now() - rawT).toFixed(0).padStart(7)} ms   (${heap()})\n`)
// What one pass over every byte costs, beside the whole load (which checks a checksum over the sections).
time('sha256 of the file', () => createHash('sha256').update(raw).digest('hex'))
// The project's own loader: what the server does at start (parse, checks, index), whatever its format.
const artifact: LoadedArtifact = time('parseArtifact (whole load)', () => parseArtifact(raw, values.index!))
const matcher = time('new Matcher', () => new Matcher(artifact))
const w = makeWorkload(Number(values.count), articleSource(Number(values.seed)), Number(values.seed))

/** Kind of a search query, as the workload makes them. */
function kind(q: string): string {
  if (/^title:/.test(q)) return 'title:field'
  if (/^\+/.test(q)) return '+required'
  if (/ -\w+$/.test(q)) return '-excluded'
  if (/\*$/.test(q)) return 'wildcard*'
  if (/~1$/.test(q)) return 'fuzzy~1'
  if (/\^5/.test(q)) return 'boost^5'
  if (/[A-Z]:\\|HKLM\\/.test(q)) return 'invalid syntax'
  if (/^"/.test(q)) return 'quoted title'
  if (q.split(' ').length >= 4) return 'many words'
  if (/^\S+$/.test(q)) return 'one word/code'
  return 'few words'
}

/** Hits of a `runQuery` answer, whichever shape it has (the project's API is still moving). */
function hitCount(out: unknown): number {
  const o = out as { hits?: unknown[]; result?: { total?: number; hits?: unknown[] } }
  return o.result?.total ?? o.result?.hits?.length ?? o.hits?.length ?? NaN
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b)
  const p = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))]!
  return `n=${String(s.length).padStart(3)}  p50 ${p(0.5).toFixed(1).padStart(7)} ms  p90 ${p(0.9).toFixed(1).padStart(7)} ms  max ${s[s.length - 1]!.toFixed(1).padStart(7)} ms`
}

// Warm the JIT a little, then measure each query once more.
for (const q of w.queries.slice(0, 50)) search(artifact, { q, limit: 10, offset: 0 })

process.stdout.write('\nsearch, by kind of query: the index query alone | whole search (hits, filter, snippets)\n')
const byKind = new Map<string, { lunr: number[]; all: number[]; hits: number[] }>()
for (const q of w.queries) {
  const k = kind(q)
  const e = byKind.get(k) ?? { lunr: [], all: [], hits: [] }
  let t = performance.now()
  const out = runQuery(artifact.index, q) as unknown
  e.lunr.push(performance.now() - t)
  e.hits.push(hitCount(out))
  t = performance.now()
  search(artifact, { q, limit: 10, offset: 0 })
  e.all.push(performance.now() - t)
  byKind.set(k, e)
}
for (const [k, e] of [...byKind].sort((a, b) => a[0].localeCompare(b[0]))) {
  const hits = e.hits.reduce((a, b) => a + b, 0) / e.hits.length
  process.stdout.write(`  ${k.padEnd(15)} index: ${stats(e.lunr)} | all: p50 ${stats(e.all).split('p50 ')[1]}  hits avg ${hits.toFixed(0)}\n`)
}
const all = [...byKind.values()].flatMap((e) => e.all)
process.stdout.write(`  ${'ALL'.padEnd(15)} ${stats(all)}  mean ${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(1)} ms\n`)

// Matching: the whole match, and the Lunr candidate query alone (same terms the matcher picks).
for (const [label, pastes] of [
  ['short pastes', w.shortPastes],
  ['40 KB pastes', w.longPastes],
] as const) {
  const whole: number[] = []
  const lunrPart: number[] = []
  const nTerms: number[] = []
  const touched: number[] = []
  for (const p of pastes.slice(0, label === 'short pastes' ? 100 : 20)) {
    let t = performance.now()
    const res = matcher.match({ text: p.text, limit: 5 })
    whole.push(performance.now() - t)
    const terms = res.signals.terms
    nTerms.push(terms.length)
    // Postings the candidate query touches, when the index is Lunr's (the original format).
    const inv = (artifact.index as unknown as { invertedIndex?: Record<string, Record<string, object>> }).invertedIndex
    if (inv) {
      let postings = 0
      for (const term of terms) {
        const posting = Object.prototype.hasOwnProperty.call(inv, term) ? inv[term]! : {}
        for (const [field, docs] of Object.entries(posting)) if (field !== '_index') postings += Object.keys(docs).length
      }
      touched.push(postings)
    }
    // The same terms as one plain query (the shape of the matcher's candidate query).
    t = performance.now()
    runQuery(artifact.index, terms.join(' '))
    lunrPart.push(performance.now() - t)
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const postings = touched.length > 0 ? `, ${avg(touched).toFixed(0)} (field, document) postings` : ''
  process.stdout.write(
    `\nmatch, ${label}:\n  whole match           ${stats(whole)}\n  its terms as a query  ${stats(lunrPart)}  (avg ${avg(nTerms).toFixed(0)} terms${postings})\n`,
  )
}
