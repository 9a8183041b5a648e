/**
 * Gap grouping evaluation: how the KCS loop's gaps (src/core/insights/gaps.ts) group what a KB
 * could not answer. Every labelled positive of eval/pastes.jsonl is recorded as the match route
 * records it (the matcher's error lines, redacted and normalized: src/runtime/events/record.ts)
 * and taken as unanswered; each corpus's questions are grouped into gaps, and the gaps compared
 * with the articles the pastes were written for (src/eval/grouping.ts): pairwise precision (two
 * questions in one gap are one problem) and recall (two questions of one problem are in one gap).
 * Recall is low by nature: a log line, a stack trace and a user's own words about one problem are
 * different questions to a template miner, and are meant to be. Nothing in the miner is fitted to
 * these pastes; the figures are what an adopter's gaps would be on them.
 *
 *   npm run eval:gaps -- [--verbose] [--min-precision <x>] [--set dev|holdout|all]
 *
 * Output is deterministic. With --min-precision, exits 1 naming each corpus below it.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gapGroups, type GapQuestion } from '../src/core/insights/gaps.js'
import { errorLinesOf } from '../src/core/match/match.js'
import { MATCH_DEFAULTS } from '../src/core/match/options.js'
import { readPaste } from '../src/core/match/paste.js'
import { type EvalCase, parseCases } from '../src/eval/cases.js'
import { type GroupingFigures, groupingFigures } from '../src/eval/grouping.js'
import { f2 } from '../src/eval/report.js'
import { codeLinesOf, questionAsked, questionLines } from '../src/runtime/events/record.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATASET = path.join(ROOT, 'eval', 'pastes.jsonl')

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    'min-precision': { type: 'string' },
    set: { type: 'string', default: 'all' },
  },
})
const minPrecision = values['min-precision'] === undefined ? undefined : Number(values['min-precision'])
if (minPrecision !== undefined && !(minPrecision >= 0 && minPrecision <= 1)) throw new Error('--min-precision must be a number between 0 and 1')
if (!['dev', 'holdout', 'all'].includes(values.set)) throw new Error('--set must be dev, holdout or all')

/** A paste as the events store it when nothing answered it: the match route's question, unanswered. */
function unanswered(c: EvalCase, i: number): GapQuestion {
  const paste = readPaste(c.text)
  const errorLines = errorLinesOf(paste, MATCH_DEFAULTS.errorLineAt)
  const asked = questionAsked({
    kind: 'match',
    lines: questionLines(errorLines, c.text),
    paste: c.text,
    codeLines: codeLinesOf(paste.codes, paste.codeSources, errorLines),
    resultIds: [],
    noConfidentMatch: true,
    partial: false,
    codes: paste.codes,
    buildId: 'eval',
  })
  // One second apart, in the dataset's order: groups (and their ids) as the events would give them.
  return { at: new Date(Date.UTC(2026, 0, 1) + i * 1000), kind: 'match', text: asked.text, codes: asked.codes, rejected: false }
}

/** Kinds of paste written in a user's own words: a template miner groups copied text, not prose. */
const OWN_WORDS = new Set(['described', 'terse', 'symptom'])

/** One corpus's gaps and their figures: by article, and by article and kind for copied text (repeats). */
function corpusFigures(cases: readonly EvalCase[]): { byArticle: GroupingFigures; repeats: GroupingFigures; templates: Map<string, string> } {
  const labelled = new Map<GapQuestion, EvalCase>()
  cases.forEach((c, i) => labelled.set(unanswered(c, i), c))
  const { groups } = gapGroups([...labelled.keys()])
  const templates = new Map(groups.map((g) => [g.id, g.template]))
  const members = groups.flatMap((g) => g.members.map((q) => ({ group: g.id, c: labelled.get(q)! })))
  return {
    byArticle: groupingFigures(members.map((m) => ({ group: m.group, problem: m.c.expect! }))),
    repeats: groupingFigures(members.filter((m) => !OWN_WORDS.has(m.c.kind)).map((m) => ({ group: m.group, problem: `${m.c.expect} ${m.c.kind}` }))),
    templates,
  }
}

const cases = parseCases(await readFile(DATASET, 'utf8'), DATASET).filter((c) => c.expect !== null && (values.set === 'all' || c.set === values.set))
const corpora = [...new Set(cases.map((c) => c.corpus ?? 'bundled'))].sort()
const width = Math.max(8, ...corpora.map((c) => c.length + 2))
const lines = [
  `gaps: each labelled positive of eval/pastes.jsonl (set ${values.set}) recorded as the match route records it, unanswered, grouped per corpus`,
  'mixed gaps = gaps holding questions of more than one article; pairs in one gap = of the pairs of questions put in one gap, how many are of one article',
  '(precision); repeats together = of the pairs of copied pastes (not a user’s own words) of one article and kind, how many are in one gap (recall)',
  '',
  `${'corpus'.padEnd(width)}${['questions', 'articles', 'gaps', 'mixed gaps', 'pairs in one gap', 'precision', 'repeats together', 'recall'].map((h) => h.padStart(h.length > 10 ? h.length + 2 : 11)).join('')}`,
]
const failed: string[] = []
const details: string[] = []
for (const corpus of corpora) {
  const { byArticle: f, repeats: r, templates } = corpusFigures(cases.filter((c) => (c.corpus ?? 'bundled') === corpus))
  const cells = [
    f.questions,
    f.problems,
    f.groups,
    f.mixed.length,
    `${f.pairsRight}/${f.pairsTogether}`,
    f2(f.precision),
    `${r.pairsRight}/${r.pairsOfAProblem}`,
    f2(r.recall),
  ]
  lines.push(`${corpus.padEnd(width)}${cells.map((x, i) => String(x).padStart([11, 11, 11, 11, 18, 11, 18, 11][i]!)).join('')}`)
  if (minPrecision !== undefined && f.precision !== null && f.precision < minPrecision) failed.push(`${corpus}: precision ${f2(f.precision)} < ${minPrecision}`)
  if (values.verbose)
    for (const m of f.mixed) details.push(`${corpus}: ${JSON.stringify(templates.get(m.group))} holds ${m.problems.map(([p, n]) => `${p} (${n})`).join(', ')}`)
}
console.log([...lines, ...(details.length ? ['', ...details] : []), ...(failed.length ? ['', ...failed.map((f) => `gate failed: ${f}`)] : [])].join('\n'))
if (failed.length) process.exitCode = 1
