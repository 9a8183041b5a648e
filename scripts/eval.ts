/**
 * Symptom-matching evaluation, per corpus (src/eval/harness.ts does the work): one KB per corpus
 * (the bundled articles; each folder of the corpora folder and of eval/corpora/, imported), each
 * corpus's labelled pastes of eval/pastes.jsonl asked against its own KB, with positives of other
 * products' corpora as out-of-KB negatives, through our Matcher and two untuned baselines (plain
 * Lunr, MiniSearch). The confidence calibration is fitted leaving one corpus out, so each
 * corpus's figures are held out; the fit on every corpus is printed as the one to ship.
 *
 *   npm run eval -- [--json] [--verbose] [--min-top1 <x>] [--max-confident-wrong <x>]
 *                   [--corpora <dir>] [--corpus <name>]... [--bundled-only] [--set dev|holdout|all]
 *
 * Output is deterministic (no timings, no temp paths). The gates apply to every corpus's held-out
 * figures; the run exits 1 naming each corpus that fails one.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { calibrationWarning } from '../src/core/match/options.js'
import { parseCases } from '../src/eval/cases.js'
import { listCorpora } from '../src/eval/corpora.js'
import { type CorpusReport, CROSS_NEGATIVES, type HarnessReport, runHarness } from '../src/eval/harness.js'
import { SYSTEM_TITLES } from '../src/eval/systems.js'
import { confidenceLine, f2, failureLines, missLines, pct, rankTable, roundedJson, trimLines } from '../src/eval/report.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATASET = path.join(ROOT, 'eval', 'pastes.jsonl')
const ARTICLES = path.join(ROOT, 'articles')
const OWN_CORPORA = path.join(ROOT, 'eval', 'corpora')
const MAPS = path.join(ROOT, 'eval', 'import-maps')
const FAMILIES = path.join(ROOT, 'eval', 'corpus-families.yml')
const DEFAULT_CORPORA = path.resolve(ROOT, process.env.KB_CORPORA_DIR || '../shared/bench/corpora') // beside the repo, as CI places shared/

/** A gate that failed: which corpus, which figure, and by how much. */
interface GateFailure {
  corpus: string
  figure: 'top1' | 'confidentWrong' | 'noKb'
  value: number | null
  limit: number
}

/**
 * Every corpus's held-out top-1 at least `minTop1`, its confident-wrong rate at most
 * `maxConfidentWrong`. A corpus that gave no KB fails (its import broke); one with no labelled
 * positives yet is not gated (the text says so).
 */
function checkGates(r: HarnessReport, minTop1?: number, maxConfidentWrong?: number): GateFailure[] {
  const failed: GateFailure[] = []
  for (const u of r.unbuilt) failed.push({ corpus: u.corpus, figure: 'noKb', value: null, limit: 0 })
  for (const c of r.corpora) {
    if (c.heldOut.positives === 0) continue
    const top1 = c.heldOut.overall.systems.ours?.top1 ?? 0
    if (minTop1 !== undefined && top1 < minTop1) failed.push({ corpus: c.corpus, figure: 'top1', value: top1, limit: minTop1 })
    const cw = c.heldOut.confidence.confidentWrongRate ?? 0
    if (maxConfidentWrong !== undefined && cw > maxConfidentWrong)
      failed.push({ corpus: c.corpus, figure: 'confidentWrong', value: cw, limit: maxConfidentWrong })
  }
  return failed
}

const share = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${name} must be a number between 0 and 1`)
  return n
}

function summaryTable(r: HarnessReport, width: number): string[] {
  const head =
    `${'corpus'.padEnd(width)}${'pos'.padStart(5)}${'neg'.padStart(5)} | ${['ours', 'Lunr', 'Mini', 'described'].map((h) => h.padStart(10)).join('')} | ` +
    ['ECE', 'conf', 'conf-wrong', 'conf-neg'].map((h) => h.padStart(11)).join('')
  const lines = [head, '-'.repeat(head.length)]
  for (const c of r.corpora) {
    const f = c.heldOut
    const top1 = (s: 'ours' | 'lunr' | 'mini'): string => f2(f.overall.systems[s]?.top1).padStart(10)
    const described = f.byKind.find((k) => k.kind === 'described')?.systems.ours?.top1
    const k = f.confidence
    lines.push(
      `${c.corpus.padEnd(width)}${String(f.positives).padStart(5)}${String(f.negatives).padStart(5)} | ${top1('ours')}${top1('lunr')}${top1('mini')}${f2(described).padStart(10)} | ` +
        [f2(k.ece), pct(k.confidentRate), pct(k.confidentWrongRate), `${k.confidentOnNegatives}/${k.negatives}`].map((x) => x.padStart(11)).join(''),
    )
  }
  return lines
}

/** The kinds of pastes on which a baseline's top-1 beats ours, in one line (none: no line). */
function behind(c: CorpusReport): string[] {
  const gaps: string[] = []
  for (const k of c.heldOut.byKind) {
    const ours = k.systems.ours?.top1
    if (ours === null || ours === undefined) continue
    for (const s of ['lunr', 'mini'] as const) {
      const other = k.systems[s]?.top1
      if (other !== null && other !== undefined && other > ours) gaps.push(`${k.kind} (${f2(ours)} vs ${SYSTEM_TITLES[s]} ${f2(other)})`)
    }
  }
  return gaps.length === 0 ? [] : [`behind a baseline on top-1: ${gaps.join(', ')}`]
}

function corpusSection(c: CorpusReport, verbose: boolean): string[] {
  const cal = c.heldOutCalibration
  const cross = Object.entries(c.crossNegatives).map(([k, n]) => `${n} from ${k}`)
  const lines = [
    `== ${c.corpus}: ${c.articles} articles${c.files ? ` (imported ${c.files.imported} files, skipped ${c.files.skipped}${c.map ? `, map ${c.map}` : ''})` : ''}; ` +
      `${c.heldOut.positives} positives, ${c.heldOut.negatives} negatives${cross.length > 0 ? ` (out-of-KB: ${cross.join(', ')})` : ''} ==`,
    ...c.warnings.map((w) => `warning: ${w}`),
    ...rankTable(c.heldOut),
    `calibration fitted on ${cal.trainedOn.length > 0 ? cal.trainedOn.join(', ') : 'nothing (the shipped one)'} (${cal.samples} pastes): slope ${cal.slope}, intercept ${cal.intercept}`,
    `ours, held out: ${confidenceLine(c.heldOut.confidence)}`,
    ...behind(c),
    ...missLines('confident and wrong', c.heldOut.confidentWrong),
    ...missLines('confident on a negative', c.heldOut.confidentOnNegatives),
    ...(verbose ? failureLines(c.heldOut.misses) : []),
    '',
  ]
  return lines
}

/** Skipped cases counted by reason, the ids left to --verbose. */
function skippedSummary(r: HarnessReport): string[] {
  const byReason = new Map<string, number>()
  for (const s of r.dataset.skipped) {
    const reason = s.reason.replace(/^\S+ is not in the (\S+) KB$/, 'expected article not in the $1 KB')
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1)
  }
  return [...byReason].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([reason, n]) => `  skipped ${n}: ${reason} (--verbose lists them)`)
}

function printText(r: HarnessReport, failed: GateFailure[], gated: boolean, verbose: boolean): void {
  const lines: string[] = []
  const width = Math.max(8, ...r.corpora.map((c) => c.corpus.length + 2))
  const warning = calibrationWarning()
  if (warning) lines.push(`warning: ${warning}`)
  lines.push(
    `dataset: ${r.dataset.cases} cases, ${r.dataset.evaluated} evaluated${r.dataset.skipped.length > 0 ? `, ${r.dataset.skipped.length} skipped` : ''}`,
    ...r.unbuilt.map((u) => `warning: corpus ${u.corpus} not measured: ${u.reason}`),
    ...(verbose ? r.dataset.skipped.map((s) => `  skipped ${s.id}: ${s.reason}`) : skippedSummary(r)),
    'top1/top3 = the expected article ranked 1st / in the top 3, MRR cut at 10, over positives; confident = presented as the answer',
    `(confidence >= ${r.confidenceThreshold}); conf-wrong = confident and wrong, as a share of positives; conf-neg = confident answers to negatives;`,
    'ECE = expected calibration error of the top-1 confidence (10 bins, positives and negatives)',
    '',
    '== held out: each corpus scored with the calibration fitted on the other corpora (top-1 per system) ==',
    ...summaryTable(r, width),
    '',
  )
  for (const c of r.corpora) lines.push(...corpusSection(c, verbose))
  const s = r.shippedCalibration
  lines.push(`== with the shipped calibration (slope ${s.slope}, intercept ${s.intercept}, digest ${s.optionsDigest}): as options.ts ships it, not held out ==`)
  for (const c of r.corpora) lines.push(`${c.corpus.padEnd(width)}${confidenceLine(c.shipped)}`)
  const rec = r.recommendedCalibration
  lines.push(
    '',
    `== recommended calibration: fitted on every corpus (${rec.samples} pastes); for src/core/match/options.ts ==`,
    `  calibration: { slope: ${rec.slope}, intercept: ${rec.intercept}, optionsDigest: '${rec.optionsDigest}' },`,
  )
  if (gated) {
    lines.push('')
    const ungated = r.corpora.filter((c) => c.heldOut.positives === 0).map((c) => c.corpus)
    if (ungated.length > 0) lines.push(`quality gate: not applied to ${ungated.join(', ')} (no labelled positives)`)
    if (failed.length === 0) lines.push(`quality gate: PASS on ${r.corpora.length - ungated.length} corpora`)
    for (const f of failed) {
      const what =
        f.figure === 'noKb'
          ? 'no KB was built (see the warning above)'
          : f.figure === 'top1'
            ? `held-out top-1 ${f.value?.toFixed(3) ?? '-'} below ${f.limit}`
            : `confident-wrong ${((f.value ?? 0) * 100).toFixed(2)}% above ${(f.limit * 100).toFixed(2)}%`
      lines.push(`quality gate: FAIL on ${f.corpus}: ${what}`)
    }
  }
  console.log(trimLines(lines))
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'min-top1': { type: 'string' },
      'max-confident-wrong': { type: 'string' },
      corpora: { type: 'string', default: DEFAULT_CORPORA },
      corpus: { type: 'string', multiple: true },
      'bundled-only': { type: 'boolean', default: false },
      set: { type: 'string', default: 'all' },
      'out-of-kb': { type: 'string', default: String(CROSS_NEGATIVES) },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(
      [
        'usage: npm run eval -- [--json] [--verbose] [--min-top1 <0..1>] [--max-confident-wrong <0..1>]',
        '                       [--corpora <dir>] [--corpus <name>]... [--bundled-only] [--set dev|holdout|all] [--out-of-kb <n>]',
        '--min-top1 / --max-confident-wrong: exit 1 unless every corpus passes, held out; --verbose lists top-1 misses;',
        '--corpus keeps only the named corpora (bundled is one); --out-of-kb: positives of each other product taken as negatives (20)',
      ].join('\n'),
    )
    return 0
  }
  const minTop1 = share('--min-top1', values['min-top1'])
  const maxConfidentWrong = share('--max-confident-wrong', values['max-confident-wrong'])
  if (!['dev', 'holdout', 'all'].includes(values.set!)) throw new Error('--set must be dev, holdout or all')
  const crossNegatives = Number(values['out-of-kb'])
  if (!Number.isInteger(crossNegatives) || crossNegatives < 0) throw new Error('--out-of-kb must be a whole number')

  let corpora = await listCorpora(ARTICLES, values['bundled-only'] ? [] : [values.corpora!, OWN_CORPORA])
  if (values.corpus) {
    const unknown = values.corpus.filter((n) => !corpora.some((c) => c.name === n))
    if (unknown.length > 0) throw new Error(`unknown corpus: ${unknown.join(', ')} (found: ${corpora.map((c) => c.name).join(', ')})`)
    corpora = corpora.filter((c) => values.corpus!.includes(c.name))
  }
  const families = (parseYaml(await readFile(FAMILIES, 'utf8').catch(() => '')) ?? {}) as Record<string, string>
  const cases = parseCases(await readFile(DATASET, 'utf8'), DATASET).filter((c) => values.set === 'all' || c.set === values.set)
  const report = await runHarness({ corpora, cases, mapsDir: MAPS, families, crossNegatives })
  const failed = checkGates(report, minTop1, maxConfidentWrong)
  const gated = minTop1 !== undefined || maxConfidentWrong !== undefined
  if (values.json) {
    const warning = calibrationWarning()
    const out = {
      ...(warning ? { calibrationWarning: warning } : {}),
      ...report,
      corpora: report.corpora.map((c) => (values.verbose ? c : { ...c, heldOut: { ...c.heldOut, misses: undefined } })),
      ...(gated ? { gate: { minTop1, maxConfidentWrong, pass: failed.length === 0, failed } } : {}),
    }
    process.stdout.write(`${roundedJson(out)}\n`)
  } else printText(report, failed, gated, values.verbose!)
  return failed.length > 0 ? 1 : 0
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
