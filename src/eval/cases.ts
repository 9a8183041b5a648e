/**
 * Labelled pastes: the project's dataset (eval/pastes.jsonl, one corpus per case) and a KB
 * owner's own file for `kb eval --pastes` (`{text, expect, kind?}` per line). One line of JSON per
 * paste; a bad line is refused with its file and line number.
 */

/** One labelled paste. `expect` is the article that should come first, or null when nothing in the KB fits. */
export interface EvalCase {
  id: string
  /** The corpus whose KB the paste is asked against (the project's dataset only). */
  corpus?: string
  kind: string
  text: string
  expect: string | null
  /** `dev` (may be tuned on) or `holdout` (the project's dataset only). */
  set?: string
  note?: string
}

/** Kinds in display order; others follow alphabetically, then the negatives. */
const KIND_ORDER = [
  'event-viewer',
  'iis-log',
  'app-log',
  'stack-trace',
  'db-client',
  'terminal',
  'browser',
  'dialog',
  'truncated',
  'terse',
  'described',
  'symptom',
  'paste',
]
/** Negatives: the corpus's own, then positives of other products asked against this KB. */
export const NEGATIVE_KINDS = ['negative', 'out-of-kb'] as const

/** The kind rank for sorting: known kinds in their order, unknown ones after, negatives last. */
export function compareKinds(a: string, b: string): number {
  const rank = (k: string): number => {
    const n = NEGATIVE_KINDS.indexOf(k as (typeof NEGATIVE_KINDS)[number])
    if (n >= 0) return 1000 + n
    const i = KIND_ORDER.indexOf(k)
    return i >= 0 ? i : 500
  }
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** The error a bad pastes file gets: its file, line and what is wrong. */
export class PastesFileError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`)
    this.name = 'PastesFileError'
  }
}

/**
 * Parse labelled pastes, one JSON object a line (blank lines skipped). `text` must be a non-empty
 * string and `expect` an article id or null; `id` defaults to `line <n>`, `kind` to `paste`.
 */
export function parseCases(raw: string, file: string): EvalCase[] {
  const cases: EvalCase[] = []
  for (const [i, line] of raw.split('\n').entries()) {
    if (line.trim() === '') continue
    const fail = (problem: string): never => {
      throw new PastesFileError(file, i + 1, problem)
    }
    let v: unknown
    try {
      v = JSON.parse(line)
    } catch {
      fail('not a line of JSON')
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) fail('not a JSON object')
    const o = v as Record<string, unknown>
    if (typeof o.text !== 'string' || o.text.trim() === '') fail('"text" must be a non-empty string')
    if (!('expect' in o) || (o.expect !== null && (typeof o.expect !== 'string' || o.expect === ''))) fail('"expect" must be an article id or null')
    for (const k of ['id', 'kind', 'corpus', 'set', 'note'] as const) if (o[k] !== undefined && typeof o[k] !== 'string') fail(`"${k}" must be a string`)
    const c: EvalCase = {
      id: (o.id as string | undefined) ?? `line ${i + 1}`,
      kind: (o.kind as string | undefined) ?? 'paste',
      text: o.text as string,
      expect: o.expect as string | null,
    }
    if (o.corpus !== undefined) c.corpus = o.corpus as string
    if (o.set !== undefined) c.set = o.set as string
    if (o.note !== undefined) c.note = o.note as string
    cases.push(c)
  }
  return cases
}
