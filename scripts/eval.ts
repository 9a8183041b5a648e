/**
 * Symptom-matching evaluation: runs every labelled paste of eval/pastes.jsonl through our
 * Matcher and through two untuned baselines (plain Lunr, plain MiniSearch) over the same KB -
 * the bundled articles plus both public corpora imported as distractors - and prints top-1,
 * top-3, MRR and the false-confident rate per kind, for dev, holdout and all cases, and the
 * distribution of our confidence so a threshold can be chosen.
 *
 *   npm run eval -- [--set dev|holdout|all] [--json] [--verbose] [--min-top1 <x>] [--corpora <dir>]
 *                   [--bundled-only]
 *
 * Output is deterministic (no timings, no temp paths). --min-top1 is a CI gate on our top-1 over
 * all positive cases, whatever --set shows.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { loadArticles } from '../src/build/content/load.js'
import type { ArticleSource } from '../src/build/content/schema.js'
import type { KbArticle } from '../src/core/article.js'
import { type LoadedArtifact, parseArtifact } from '../src/build/artifact/artifact.js'
import { buildArtifact } from '../src/build/artifact/build.js'
import { FIELDS } from '../src/core/fields.js'
import { Matcher } from '../src/core/match/match.js'
import { calibrationWarning, MATCH_DEFAULTS } from '../src/core/match/options.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATASET = path.join(ROOT, 'eval', 'pastes.jsonl')
const ARTICLES = path.join(ROOT, 'articles')
const IMPORTER = path.join(ROOT, 'src', 'build', 'import', 'import.ts')
const DEFAULT_CORPORA = path.resolve(ROOT, process.env.KB_CORPORA_DIR || '../shared/bench/corpora') // beside the repo, as CI places shared/
const CORPORA = ['mslearn-iis', 'mssql-errors'] as const

/** Kinds in display order; `negative` last. */
export const KINDS = ['event-viewer', 'iis-log', 'app-log', 'stack-trace', 'db-client', 'browser', 'truncated', 'terse', 'negative'] as const
export type Kind = (typeof KINDS)[number]
const SETS = ['dev', 'holdout', 'all'] as const
type SetName = (typeof SETS)[number]
const SYSTEMS = ['ours', 'lunr', 'mini'] as const
type System = (typeof SYSTEMS)[number]
const SYSTEM_TITLES: Record<System, string> = { ours: 'ours (Matcher)', lunr: 'plain Lunr', mini: 'MiniSearch' }
/** Ranks beyond this count as a miss for MRR, for every system alike. */
const RANK_CUTOFF = 10

/** One labelled paste. */
export interface EvalCase {
  id: string
  kind: Kind
  text: string
  expect: string | null
  set: 'dev' | 'holdout'
  note: string
}

/** What each system answered for one case. */
interface CaseRun {
  c: EvalCase
  ranked: Record<System, string[]>
  /** Our top-1 confidence (0 when nothing was returned) and whether it was presented as the answer. */
  confidence: number
  confident: boolean
  /** Our match time (reported on stderr only: it varies between runs). */
  ms: number
}

interface Metrics {
  cases: number
  positives: number
  negatives: number
  top1: number | null
  top3: number | null
  mrr: number | null
  falseConfident: number | null
}

interface OursExtra {
  /** Share of positives answered confidently with the right article. */
  confidentRight: number | null
  /** Share of positives answered confidently with a wrong article. */
  confidentWrong: number | null
  /** Share of positives with noConfidentMatch. */
  notConfident: number | null
}

interface SetReport {
  set: SetName
  cases: number
  positives: number
  negatives: number
  bySystem: Record<System, { overall: Metrics; byKind: Partial<Record<Kind, Metrics>> }>
  ours: OursExtra
  confidence: ConfidenceReport
}

interface ConfidenceReport {
  bins: string[]
  right: number[]
  wrong: number[]
  negative: number[]
  median: { right: number | null; wrong: number | null; negative: number | null }
  sweep: Array<{ threshold: number; rightAccepted: number | null; wrongAccepted: number | null; negativeAccepted: number | null }>
}

// ------------------------------------------------------------------------------------------ data

/** Read and minimally check the dataset (the full validation lives in test/eval-data.test.ts). */
export async function readDataset(file = DATASET): Promise<EvalCase[]> {
  const raw = await readFile(file, 'utf8')
  const cases: EvalCase[] = []
  for (const [i, line] of raw.split('\n').entries()) {
    if (line.trim() === '') continue
    const c = JSON.parse(line) as EvalCase
    if (!KINDS.includes(c.kind)) throw new Error(`${file}:${i + 1}: unknown kind "${c.kind}"`)
    if (c.set !== 'dev' && c.set !== 'holdout') throw new Error(`${file}:${i + 1}: set must be dev or holdout`)
    cases.push(c)
  }
  return cases
}

interface KbInfo {
  artifact: LoadedArtifact
  counts: Record<string, number>
  importer: 'used' | 'missing' | 'skipped'
  warnings: string[]
}

type ImportFolder = (opts: { from: string; to: string }) => Promise<unknown>

/** Bundled articles plus, when the importer exists, both public corpora imported to a temp dir. */
async function buildKb(corporaDir: string, bundledOnly: boolean): Promise<KbInfo> {
  const warnings: string[] = []
  const bundled = await loadArticles(ARTICLES, 'articles')
  const bundledErrors = bundled.problems.filter((p) => p.severity === 'error')
  if (bundledErrors.length > 0) {
    throw new Error(`articles/ has ${bundledErrors.length} content error(s), first: ${bundledErrors[0]!.file}: ${bundledErrors[0]!.message}`)
  }
  const counts: Record<string, number> = { bundled: bundled.articles.length }
  const all: ArticleSource[] = [...bundled.articles]
  const seen = new Set(all.map((a) => a.id))

  let importer: KbInfo['importer'] = bundledOnly ? 'skipped' : 'missing'
  if (!bundledOnly && existsSync(IMPORTER)) {
    const mod = (await import(pathToFileURL(IMPORTER).href)) as { importFolder?: ImportFolder }
    if (typeof mod.importFolder !== 'function') throw new Error('src/build/import/import.ts does not export importFolder')
    importer = 'used'
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'kb-eval-'))
    try {
      for (const corpus of CORPORA) {
        const from = path.join(corporaDir, corpus)
        if (!existsSync(from)) throw new Error(`corpus folder not found: ${from} (use --corpora <dir>)`)
        const to = path.join(tmp, corpus)
        await mod.importFolder({ from, to })
        const loaded = await loadArticles(to, corpus)
        const errors = loaded.problems.filter((p) => p.severity === 'error')
        if (errors.length > 0) warnings.push(`${corpus}: ${errors.length} imported file(s) rejected by the loader`)
        let n = 0
        for (const a of loaded.articles) {
          if (seen.has(a.id)) {
            warnings.push(`${corpus}: id "${a.id}" already in the KB, imported copy dropped`)
            continue
          }
          seen.add(a.id)
          all.push(a)
          n++
        }
        counts[corpus] = n
      }
    } finally {
      await rm(tmp, { recursive: true, force: true })
    }
  }
  const { bytes } = buildArtifact(all)
  return { artifact: parseArtifact(bytes, 'eval'), counts, importer, warnings }
}

// --------------------------------------------------------------------------------------- systems

type Ranker = (text: string) => string[]

/** Field texts for the baselines: our indexed fields, extracted the same way, without boosts. */
function baselineDoc(a: KbArticle): Record<string, string> {
  const doc: Record<string, string> = { id: a.id }
  for (const f of FIELDS) doc[f.name] = f.extract(a)
  return doc
}

const byScoreThenId = (a: { ref: string; score: number }, b: { ref: string; score: number }): number =>
  b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)

/** Baseline 1: a default Lunr index (default tokenizer and pipelines), query = paste with punctuation blanked. */
function plainLunr(articles: KbArticle[]): Ranker {
  const docs = articles.map(baselineDoc)
  const index = lunr(function () {
    this.ref('id')
    for (const f of FIELDS) this.field(f.name)
    for (const d of docs) this.add(d)
  })
  return (text) =>
    index
      .search(text.replace(/[^\p{L}\p{N}\s]/gu, ' '))
      .map((r) => ({ ref: r.ref, score: r.score }))
      .sort(byScoreThenId)
      .map((r) => r.ref)
}

/** Baseline 2: MiniSearch with default options over the same fields, query = the paste as is. */
function plainMiniSearch(articles: KbArticle[]): Ranker {
  const mini = new MiniSearch<Record<string, string>>({ fields: FIELDS.map((f) => f.name), storeFields: ['id'] })
  mini.addAll(articles.map(baselineDoc))
  return (text) =>
    mini
      .search(text)
      .map((r) => ({ ref: String(r.id), score: r.score }))
      .sort(byScoreThenId)
      .map((r) => r.ref)
}

function runCases(kb: LoadedArtifact, cases: EvalCase[]): CaseRun[] {
  const matcher = new Matcher(kb)
  const lunrRank = plainLunr(kb.articles)
  const miniRank = plainMiniSearch(kb.articles)
  return cases.map((c) => {
    const t0 = performance.now()
    const m = matcher.match({ text: c.text, limit: RANK_CUTOFF })
    const ms = performance.now() - t0
    return {
      c,
      ranked: { ours: m.results.map((r) => r.id), lunr: lunrRank(c.text).slice(0, RANK_CUTOFF), mini: miniRank(c.text).slice(0, RANK_CUTOFF) },
      confidence: m.results[0]?.confidence ?? 0,
      confident: !m.noConfidentMatch,
      ms,
    }
  })
}

// --------------------------------------------------------------------------------------- metrics

const share = (n: number, d: number): number | null => (d === 0 ? null : n / d)
const rankOf = (ranked: string[], id: string): number => ranked.indexOf(id) + 1 // 0 = not found

function metrics(runs: CaseRun[], system: System): Metrics {
  const pos = runs.filter((r) => r.c.expect !== null)
  const neg = runs.filter((r) => r.c.expect === null)
  let top1 = 0
  let top3 = 0
  let rr = 0
  for (const r of pos) {
    const rank = rankOf(r.ranked[system], r.c.expect!)
    if (rank === 1) top1++
    if (rank >= 1 && rank <= 3) top3++
    if (rank >= 1) rr += 1 / rank
  }
  const fc = neg.filter((r) => (system === 'ours' ? r.confident : r.ranked[system].length > 0)).length
  return {
    cases: runs.length,
    positives: pos.length,
    negatives: neg.length,
    top1: share(top1, pos.length),
    top3: share(top3, pos.length),
    mrr: share(rr, pos.length),
    falseConfident: share(fc, neg.length),
  }
}

function oursExtra(runs: CaseRun[]): OursExtra {
  const pos = runs.filter((r) => r.c.expect !== null)
  const right = pos.filter((r) => r.confident && r.ranked.ours[0] === r.c.expect).length
  const wrong = pos.filter((r) => r.confident && r.ranked.ours[0] !== r.c.expect).length
  return {
    confidentRight: share(right, pos.length),
    confidentWrong: share(wrong, pos.length),
    notConfident: share(pos.length - right - wrong, pos.length),
  }
}

const BIN_COUNT = 10
const SWEEP = Array.from({ length: 11 }, (_, i) => Math.round((0.3 + i * 0.05) * 100) / 100)

function median(xs: number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function confidenceReport(runs: CaseRun[]): ConfidenceReport {
  const right = runs.filter((r) => r.c.expect !== null && r.ranked.ours[0] === r.c.expect).map((r) => r.confidence)
  const wrong = runs.filter((r) => r.c.expect !== null && r.ranked.ours[0] !== r.c.expect).map((r) => r.confidence)
  const negative = runs.filter((r) => r.c.expect === null).map((r) => r.confidence)
  const hist = (xs: number[]): number[] => {
    const h = new Array<number>(BIN_COUNT).fill(0)
    for (const x of xs) h[Math.min(BIN_COUNT - 1, Math.max(0, Math.floor(x * BIN_COUNT + 1e-9)))]!++
    return h
  }
  const positives = right.length + wrong.length
  return {
    bins: Array.from({ length: BIN_COUNT }, (_, i) => `${(i / BIN_COUNT).toFixed(1)}-${((i + 1) / BIN_COUNT).toFixed(1)}`),
    right: hist(right),
    wrong: hist(wrong),
    negative: hist(negative),
    median: { right: median(right), wrong: median(wrong), negative: median(negative) },
    sweep: SWEEP.map((t) => ({
      threshold: t,
      rightAccepted: share(right.filter((x) => x >= t).length, positives),
      wrongAccepted: share(wrong.filter((x) => x >= t).length, positives),
      negativeAccepted: share(negative.filter((x) => x >= t).length, negative.length),
    })),
  }
}

function setReport(set: SetName, runs: CaseRun[]): SetReport {
  const bySystem = {} as SetReport['bySystem']
  for (const s of SYSTEMS) {
    const byKind: Partial<Record<Kind, Metrics>> = {}
    for (const k of KINDS) {
      const ofKind = runs.filter((r) => r.c.kind === k)
      if (ofKind.length > 0) byKind[k] = metrics(ofKind, s)
    }
    bySystem[s] = { overall: metrics(runs, s), byKind }
  }
  const overall = bySystem.ours.overall
  return {
    set,
    cases: runs.length,
    positives: overall.positives,
    negatives: overall.negatives,
    bySystem,
    ours: oursExtra(runs),
    confidence: confidenceReport(runs),
  }
}

// ---------------------------------------------------------------------------------------- output

/** Print one or more lines, without trailing blanks (the tables pad their columns). */
const say = (text = ''): void =>
  console.log(
    text
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n'),
  )
/** Wrap a long comma-separated line at word boundaries. */
function wrap(text: string, width: number): string {
  const out: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line)
      line = `  ${word}`
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') out.push(line)
  return out.join('\n')
}
const f2 = (x: number | null): string => (x === null ? '-' : x.toFixed(2))
const pct = (x: number | null): string => (x === null ? '-' : `${Math.round(x * 100)}%`)
const padL = (s: string, n: number): string => s.padStart(n)
const padR = (s: string, n: number): string => s.padEnd(n)

function printSet(r: SetReport): void {
  say(`== ${r.set}: ${r.cases} cases (${r.positives} positive, ${r.negatives} negative) ==`)
  const group = (s: string): string => padR(s, 23)
  say(`${padR('', 18)}| ${SYSTEMS.map((s) => group(SYSTEM_TITLES[s])).join(' | ')}`)
  const head = ['top1', 'top3', 'MRR', 'FC'].map((h) => padL(h, 5)).join(' ')
  say(`${padR('kind', 13)}${padL('n', 4)} | ${SYSTEMS.map(() => padR(head, 23)).join(' | ')}`)
  say('-'.repeat(18 + 3 * 26 - 1))
  const row = (label: string, pick: (s: System) => Metrics | undefined): void => {
    const n = pick('ours')?.cases ?? 0
    const cells = SYSTEMS.map((s) => {
      const m = pick(s)!
      return [m.top1, m.top3, m.mrr, m.falseConfident].map((x) => padL(f2(x), 5)).join(' ')
    })
    say(`${padR(label, 13)}${padL(String(n), 4)} | ${cells.map((c) => padR(c, 23)).join(' | ')}`)
  }
  for (const k of KINDS) if (r.bySystem.ours.byKind[k]) row(k, (s) => r.bySystem[s].byKind[k])
  say('-'.repeat(18 + 3 * 26 - 1))
  row('overall', (s) => r.bySystem[s].overall)
  const o = r.ours
  say(
    `ours on positives: confident+right ${pct(o.confidentRight)}, confident+WRONG ${pct(o.confidentWrong)}, ` +
      `no confident match ${pct(o.notConfident)} (threshold ${MATCH_DEFAULTS.confidenceThreshold})`,
  )
  say()
}

function printConfidence(reports: SetReport[]): void {
  say('== our top-1 confidence: histogram (counts) ==')
  const bins = reports[0]!.confidence.bins.map((b) => padL(b.slice(0, 3), 4))
  say(`${padR('set/outcome', 19)}${bins.join(' ')}  median`)
  for (const r of reports) {
    const c = r.confidence
    const line = (label: string, h: number[], med: number | null): void =>
      say(`${padR(`${r.set} ${label}`, 19)}${h.map((x) => padL(String(x), 4)).join(' ')}  ${padL(f2(med), 6)}`)
    line('top-1 right', c.right, c.median.right)
    line('top-1 wrong', c.wrong, c.median.wrong)
    line('negative', c.negative, c.median.negative)
  }
  say('(positives: "wrong" includes no result; bins are [lo, hi), the last includes 1.0)')
  say()
  say('== threshold sweep: share accepted (confidence >= t) ==')
  say(`${padR('', 6)}${reports.map((r) => `| ${padR(r.set, 20)}`).join(' ')}`)
  say(`${padR('t', 6)}${reports.map(() => `| ${['right', 'wrong', 'neg'].map((h) => padL(h, 6)).join('')}  `).join(' ')}`)
  for (let i = 0; i < SWEEP.length; i++) {
    const t = SWEEP[i]!
    const mark = Math.abs(t - MATCH_DEFAULTS.confidenceThreshold) < 1e-9 ? '*' : ' '
    const cells = reports.map((r) => {
      const s = r.confidence.sweep[i]!
      return `| ${[s.rightAccepted, s.wrongAccepted, s.negativeAccepted].map((x) => padL(pct(x), 6)).join('')}  `
    })
    say(`${padR(t.toFixed(2) + mark, 6)}${cells.join(' ')}`)
  }
  say('(right/wrong: share of positives whose top-1 is right/wrong and accepted; neg: share of')
  say(' negatives accepted, i.e. false-confident; * = current threshold)')
  say()
}

interface Failure {
  id: string
  kind: Kind
  set: 'dev' | 'holdout'
  expected: string | null
  got: string | null
  confidence: number
  confident: boolean
  expectedRank: number
}

/** Our failures: positives whose top-1 is wrong or not confident, negatives answered confidently. */
function failures(runs: CaseRun[]): Failure[] {
  return runs
    .filter((r) => (r.c.expect === null ? r.confident : !(r.confident && r.ranked.ours[0] === r.c.expect)))
    .map((r) => ({
      id: r.c.id,
      kind: r.c.kind,
      set: r.c.set,
      expected: r.c.expect,
      got: r.ranked.ours[0] ?? null,
      confidence: r.confidence,
      confident: r.confident,
      expectedRank: r.c.expect === null ? 0 : rankOf(r.ranked.ours, r.c.expect),
    }))
}

function printFailures(list: Failure[]): void {
  say(`== our failing cases (${list.length}) ==`)
  for (const f of list) {
    say(`FAIL ${f.id}  [${f.kind}, ${f.set}]`)
    say(`     expected: ${f.expected ?? '(no confident match)'}`)
    const rank = f.expected === null ? '' : f.expectedRank === 0 ? ', expected not in top 10' : `, expected at rank ${f.expectedRank}`
    say(`     got:      ${f.got ?? '(nothing)'}`)
    say(`               confidence ${f.confidence.toFixed(3)}, ${f.confident ? 'confident' : 'not confident'}${rank}`)
  }
  say()
}

// ------------------------------------------------------------------------------------------ main

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'all' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'min-top1': { type: 'string' },
      corpora: { type: 'string', default: DEFAULT_CORPORA },
      'bundled-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    say('usage: npm run eval -- [--set dev|holdout|all] [--json] [--verbose] [--min-top1 <0..1>]')
    say('                       [--corpora <dir>] [--bundled-only]')
    say('--verbose lists our failing cases (and prints timings on stderr); --min-top1 exits 1 when our')
    say('top-1 over all positive cases is below the value; --bundled-only skips importing the corpora')
    say('(faster, but no distractors, and cases on imported articles are skipped)')
    return 0
  }
  const set = values.set as SetName
  if (!SETS.includes(set)) throw new Error(`--set must be one of ${SETS.join(', ')}`)
  let minTop1: number | undefined
  if (values['min-top1'] !== undefined) {
    minTop1 = Number(values['min-top1'])
    if (!Number.isFinite(minTop1) || minTop1 < 0 || minTop1 > 1) throw new Error('--min-top1 must be a number between 0 and 1')
  }

  const started = performance.now()
  const timings: string[] = []
  const lap = (label: string, since: number): void => void timings.push(`${label} ${((performance.now() - since) / 1000).toFixed(1)}s`)
  const dataset = await readDataset()
  let t = performance.now()
  const kb = await buildKb(values.corpora!, values['bundled-only']!)
  lap('kb', t)
  const known = new Set(kb.artifact.articles.map((a) => a.id))
  const usable = dataset.filter((c) => c.expect === null || known.has(c.expect))
  const skipped = dataset.filter((c) => !usable.includes(c))
  t = performance.now()
  const runs = runCases(kb.artifact, usable)
  lap('cases', t)

  const shown: SetName[] = set === 'all' ? ['dev', 'holdout', 'all'] : [set]
  const reports = shown.map((s) => setReport(s, s === 'all' ? runs : runs.filter((r) => r.c.set === s)))
  const allTop1 = metrics(runs, 'ours').top1 ?? 0
  const gate = minTop1 === undefined ? undefined : { minTop1, top1: allTop1, pass: allTop1 >= minTop1 }
  const failed = failures(set === 'all' ? runs : runs.filter((r) => r.c.set === set))

  const kbLine =
    `KB: ${kb.artifact.articles.length} articles (` +
    Object.entries(kb.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ') +
    `); corpora ${{ used: 'imported', missing: 'NOT imported (no src/build/import/import.ts)', skipped: 'NOT imported (--bundled-only)' }[kb.importer]}`
  const dataLine =
    `dataset: ${dataset.length} cases, ${usable.length} evaluated` + (skipped.length > 0 ? `, ${skipped.length} skipped (expected article not in the KB)` : '')

  // The confidences below mean what they say only with the options the calibration was fitted with.
  const calibration = calibrationWarning()
  if (values.json) {
    const out = {
      kb: { articles: kb.artifact.articles.length, counts: kb.counts, importer: kb.importer, warnings: kb.warnings },
      ...(calibration ? { calibrationWarning: calibration } : {}),
      dataset: { cases: dataset.length, evaluated: usable.length, skipped: skipped.map((c) => c.id) },
      confidenceThreshold: MATCH_DEFAULTS.confidenceThreshold,
      sets: Object.fromEntries(reports.map((r) => [r.set, r])),
      ...(gate ? { gate } : {}),
      ...(values.verbose ? { failures: failed } : {}),
    }
    process.stdout.write(JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10000) / 10000 : v), 2) + '\n')
  } else {
    say(kbLine)
    for (const w of kb.warnings) say(`warning: ${w}`)
    if (calibration) say(`warning: ${calibration}`)
    say(dataLine)
    if (skipped.length > 0) say(wrap(`skipped: ${skipped.map((c) => c.id).join(', ')}`, 100))
    say(`metrics: top1/top3 = expected article ranked 1st / in top 3; MRR over positives (cut at ${RANK_CUTOFF});`)
    say('FC = false-confident rate on negatives (baselines: any result at all counts as an answer)')
    say()
    for (const r of reports) printSet(r)
    printConfidence(reports)
    if (values.verbose) printFailures(failed)
    if (gate) {
      say(
        `quality gate: our top-1 on all ${metrics(runs, 'ours').positives} positives = ${allTop1.toFixed(3)}, ` +
          `minimum ${gate.minTop1}: ${gate.pass ? 'PASS' : 'FAIL'}`,
      )
    }
  }
  // Timings vary from run to run, so they go to stderr and only when asked for.
  if (values.verbose) {
    const ours = runs.reduce((sum, r) => sum + r.ms, 0)
    const slowest = [...runs]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((r) => `${r.c.id} ${Math.round(r.ms)}ms`)
    console.error(`eval timings: ${timings.join(', ')} (our matcher ${(ours / 1000).toFixed(1)}s), total ${((performance.now() - started) / 1000).toFixed(1)}s`)
    console.error(`slowest matches: ${slowest.join(', ')}`)
  }
  return gate && !gate.pass ? 1 : 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`eval: ${err instanceof Error ? err.message : String(err)}`)
      process.exit(2)
    },
  )
}
