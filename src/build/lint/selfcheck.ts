/**
 * The KB self-check of `kb lint`: what a valid article can still get wrong for its readers. Every
 * finding is a warning (`--strict` makes them errors), a Problem of the one shape:
 * - an article its own symptoms do not find (each symptom matched against the whole KB);
 * - the same or nearly the same symptom in two articles;
 * - links to an article or file that is not there, and links that are not http(s);
 * - review dates past (`review_by`) or too old (`verified`).
 */
import { access } from 'node:fs/promises'
import path from 'node:path'
import { parseArtifact } from '../artifact/artifact.js'
import { buildArtifact } from '../index/build.js'
import { analyzeText } from '../../core/analysis/terms.js'
import { Matcher } from '../../core/match/match.js'
import { normalizeLine } from '../../core/match/normalize.js'
import type { SynonymSource } from '../../core/analysis/synonyms.js'
import { LIMITS } from '../../limits.js'
import type { Problem } from '../content/problems.js'
import type { ArticleSource } from '../content/schema.js'

/** What the self-check takes: the articles (drafts among them), the KB's synonyms and where its files are. */
export interface SelfCheckInput {
  articles: readonly ArticleSource[]
  synonyms: SynonymSource
  /** The articles folder on disk, and its name in problems. */
  dir: string
  displayDir: string
  /** Today, YYYY-MM-DD (UTC): `--today` makes a run reproducible. */
  today: string
}

/** Bounds and thresholds, each with its default. */
export interface SelfCheckOptions {
  /** Symptoms matched at most, spread over the articles (default LIMITS.selfEvalSymptoms). */
  maxSymptoms?: number
  /** Time for all the matching, in ms (default SELF_CHECK_BUDGET_MS); past it, the rest is not asked and a warning says so. */
  budgetMs?: number
}

/** The field of the self-check's own note when it did not ask every symptom: like a draft's listing, `--strict` leaves it a warning, so that a slow CI runner does not fail a KB that a fast one passes. */
export const SELF_CHECK_FIELD = 'self-check'

/** Time for matching every symptom: about 2 ms a symptom here, so 2,000 symptoms take 4 s; the budget leaves room on a slow CI runner. */
export const SELF_CHECK_BUDGET_MS = 30_000

/** Two symptoms are nearly the same when their term sets are this similar (Jaccard)... */
export const NEAR_DUPLICATE_JACCARD = 0.9
/** ...and each has at least this many terms (fewer, and a common short phrase would pair unrelated articles). */
export const NEAR_DUPLICATE_MIN_TERMS = 4

/** A `verified` date older than this many days is stale. */
export const VERIFIED_MAX_DAYS = 365

/** Run every check of the self-check; problems in no particular order (the caller sorts). */
export async function selfCheck(input: SelfCheckInput, options: SelfCheckOptions = {}): Promise<Problem[]> {
  const published = input.articles.filter((a) => a.status !== 'draft')
  return [
    ...findUnfound(published, input, options),
    ...findDuplicateSymptoms(input.articles, input.displayDir),
    ...(await findBrokenLinks(input)),
    ...findStale(input.articles, input.displayDir, input.today),
  ]
}

const fileOf = (a: ArticleSource, displayDir: string): string => path.posix.join(displayDir.split(path.sep).join('/'), a.source)
const symptomLine = (a: ArticleSource, i: number): number => a.lines?.symptoms[i] ?? 1
const warning = (file: string, line: number, field: string, message: string): Problem => ({ file, line, field, message, severity: 'warning' })

/**
 * The symptoms asked: every article's first, then every article's second, and so on (articles in
 * id order) up to `max`, so that a cap spreads over the articles; `kb eval --self` asks in the same order.
 */
export function symptomsInTurn(articles: readonly ArticleSource[], max: number): Array<{ article: ArticleSource; index: number }> {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const out: Array<{ article: ArticleSource; index: number }> = []
  const deepest = Math.max(0, ...sorted.map((a) => a.symptoms.length))
  for (let k = 0; k < deepest && out.length < max; k++) {
    for (const article of sorted) {
      if (out.length >= max) break
      if (k < article.symptoms.length) out.push({ article, index: k })
    }
  }
  return out
}

/** Each symptom matched against the whole KB, its own article included: a symptom whose article does not come first is a finding, naming the one that does. */
export function findUnfound(
  published: readonly ArticleSource[],
  input: Pick<SelfCheckInput, 'synonyms' | 'displayDir'>,
  options: SelfCheckOptions = {},
): Problem[] {
  if (published.length === 0) return []
  const kb = parseArtifact(buildArtifact([...published], input.synonyms).bytes, 'memory')
  const matcher = new Matcher(kb)
  const byId = new Map(published.map((a) => [a.id, a]))
  const asked = symptomsInTurn(published, options.maxSymptoms ?? LIMITS.selfEvalSymptoms)
  const total = published.reduce((n, a) => n + a.symptoms.length, 0)
  const deadline = performance.now() + (options.budgetMs ?? SELF_CHECK_BUDGET_MS)
  const problems: Problem[] = []
  let done = 0
  for (const { article, index } of asked) {
    const left = deadline - performance.now()
    if (left <= 0) break
    const first = matcher.match({ text: article.symptoms[index]!, limit: 1 }, left).results[0]
    done++
    if (first?.id === article.id) continue
    const winner = first ? byId.get(first.id) : undefined
    const instead = winner ? `"${winner.id}" (${fileOf(winner, input.displayDir)}) comes first` : 'no article matches it'
    problems.push(warning(fileOf(article, input.displayDir), symptomLine(article, index), `symptoms[${index}]`, `not found by its own symptom: ${instead}`))
  }
  if (done < total) {
    const why =
      done < asked.length ? `the ${Math.round((options.budgetMs ?? SELF_CHECK_BUDGET_MS) / 1000)} s budget ran out` : `at most ${asked.length} are asked`
    problems.push(warning(input.displayDir, 1, SELF_CHECK_FIELD, `matched ${done} of ${total} symptoms against the KB (${why}); the rest were not checked`))
  }
  return problems
}

/** A symptom as the matcher reads it: normalized line (values that vary blanked), then its analysis terms. */
function symptomTerms(text: string): { key: string; terms: Set<string> } {
  const terms = analyzeText(normalizeLine(text))
  return { key: terms.join(' '), terms: new Set(terms) }
}

/** Symptoms of two articles that read the same, or nearly (term sets at least NEAR_DUPLICATE_JACCARD alike): a problem on the later, naming the earliest. */
export function findDuplicateSymptoms(articles: readonly ArticleSource[], displayDir: string): Problem[] {
  const items = articles
    .flatMap((article) =>
      article.symptoms.map((text, index) => ({ article, index, file: fileOf(article, displayDir), line: symptomLine(article, index), ...symptomTerms(text) })),
    )
    .filter((s) => s.terms.size > 0)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
  // Shared terms counted through an index of terms: each symptom meets only those it shares a term with.
  const postings = new Map<string, number[]>()
  const problems: Problem[] = []
  items.forEach((s, i) => {
    const shared = new Map<number, number>()
    for (const t of s.terms) {
      for (const j of postings.get(t) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1)
      const list = postings.get(t)
      if (list) list.push(i)
      else postings.set(t, [i])
    }
    // One finding a symptom, naming the earliest like symptom of another article: a symptom shared by n articles gives n - 1 findings, not n(n - 1)/2.
    const likes = new Set<ArticleSource>()
    let first: { o: (typeof items)[number]; what: string } | undefined
    for (const [j, n] of [...shared].sort((x, y) => x[0] - y[0])) {
      const o = items[j]!
      if (o.article === s.article || likes.has(o.article)) continue
      const union = s.terms.size + o.terms.size - n
      const same = o.key === s.key
      const near = n / union >= NEAR_DUPLICATE_JACCARD && Math.min(s.terms.size, o.terms.size) >= NEAR_DUPLICATE_MIN_TERMS
      if (!same && !near) continue
      likes.add(o.article)
      first ??= {
        o,
        what: same ? 'the same symptom' : `nearly the same symptom (${n === union ? 'the same terms, worded differently' : `${n} of ${union} terms shared`})`,
      }
    }
    if (!first) return
    const more = likes.size > 1 ? `, and ${likes.size - 1} more article${likes.size > 2 ? 's' : ''}` : ''
    problems.push(
      warning(
        s.file,
        s.line,
        `symptoms[${s.index}]`,
        `${first.what} as ${first.o.file}:${first.o.line} ("${first.o.article.id}")${more}: keep it in one article, or tell them apart`,
      ),
    )
  })
  return problems
}

/** Links in Markdown: inline `[text](target)` and definitions `[label]: target`, with the line (1-based) each is on; code is skipped. */
export function markdownLinks(markdown: string): Array<{ target: string; line: number }> {
  const out: Array<{ target: string; line: number }> = []
  let fence: string | undefined
  markdown.split('\n').forEach((raw, i) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1]
    if (opener && (fence === undefined || (opener[0] === fence[0] && opener.length >= fence.length))) {
      fence = fence === undefined ? opener : undefined
      return
    }
    if (fence !== undefined || /^( {4}|\t)/.test(raw)) return
    const line = raw.replace(/(`+)[^`]*?\1/g, '')
    for (const m of line.matchAll(/\]\(\s*<?([^\s)>]+)/g)) out.push({ target: m[1]!, line: i + 1 })
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)/.exec(line)
    if (definition) out.push({ target: definition[1]!, line: i + 1 })
  })
  return out
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  )

/** What is wrong with one link target of an article, if anything. */
async function linkProblem(
  target: string,
  a: ArticleSource,
  input: SelfCheckInput,
  byId: Map<string, ArticleSource>,
  bySource: Map<string, ArticleSource>,
): Promise<string | undefined> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase()
  if (scheme !== undefined) return ['http', 'https', 'mailto'].includes(scheme) ? undefined : `link "${target}" is not an http(s) link`
  const bare = target.replace(/[?#].*$/, '')
  const internal = /^\/articles\/([^/]+)\/?$/.exec(bare)
  if (internal) {
    const id = safeDecode(internal[1]!)
    const to = byId.get(id)
    if (!to) return `link "${target}": no article has the id "${id}"`
    return to.status === 'draft' ? `link "${target}": "${id}" is a draft, not served until published` : undefined
  }
  if (bare.startsWith('/') || !/\.md$/i.test(bare)) return undefined
  const rel = path.posix.normalize(path.posix.join(path.posix.dirname(a.source), safeDecode(bare)))
  const to = bySource.get(rel)
  if (to) return to.status === 'draft' ? `link "${target}": ${fileOf(to, input.displayDir)} is a draft, not served until published` : undefined
  const onDisk = await exists(path.join(input.dir, rel))
  // Outside the articles folder (../docs/x.md): a file of the repository, fine when it is there.
  if (rel.startsWith('../')) return onDisk ? undefined : `link "${target}": no file ${rel} beside the articles folder`
  return onDisk ? `link "${target}": ${rel} is not an article (see its own problems)` : `link "${target}": no file ${rel} in the articles folder`
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Links in cause, resolution and body to an article or `.md` file that is not there (or is a draft), and links that are not http(s). */
export async function findBrokenLinks(input: SelfCheckInput): Promise<Problem[]> {
  const byId = new Map(input.articles.map((a) => [a.id, a]))
  const bySource = new Map(input.articles.map((a) => [a.source, a]))
  const problems: Problem[] = []
  for (const a of input.articles) {
    const fields: Array<{ name: string; text: string | undefined; lineOf: (n: number) => number }> = [
      { name: 'cause', text: a.cause, lineOf: blockLine(a.lines?.cause) },
      { name: 'resolution', text: a.resolution, lineOf: blockLine(a.lines?.resolution) },
      { name: 'body', text: a.body, lineOf: (n) => a.bodyLine + n - 1 },
    ]
    for (const f of fields) {
      for (const link of f.text === undefined ? [] : markdownLinks(f.text)) {
        const message = await linkProblem(link.target, a, input, byId, bySource)
        if (message) problems.push(warning(fileOf(a, input.displayDir), f.lineOf(link.line), f.name, message))
      }
    }
  }
  return problems
}

const blockLine =
  (at: { line: number; block: boolean } | undefined) =>
  (n: number): number =>
    at === undefined ? 1 : at.block ? at.line + n : at.line

const DAY_MS = 86_400_000
const days = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

/** Articles due for review: `review_by` past, or `verified` more than VERIFIED_MAX_DAYS ago (or in the future: a typo). */
export function findStale(articles: readonly ArticleSource[], displayDir: string, today: string): Problem[] {
  const problems: Problem[] = []
  for (const a of articles) {
    const file = fileOf(a, displayDir)
    if (a.reviewBy !== undefined && a.reviewBy < today) {
      problems.push(warning(file, a.lines?.review_by ?? 1, 'review_by', `stale: to be reviewed by ${a.reviewBy}, ${days(a.reviewBy, today)} days ago`))
    }
    if (a.verified !== undefined) {
      const age = days(a.verified, today)
      if (age > VERIFIED_MAX_DAYS) {
        problems.push(warning(file, a.lines?.verified ?? 1, 'verified', `stale: last verified ${a.verified}, ${age} days ago (more than ${VERIFIED_MAX_DAYS})`))
      } else if (age < 0) {
        problems.push(warning(file, a.lines?.verified ?? 1, 'verified', `${a.verified} is after today (${today}): a verification date cannot be in the future`))
      }
    }
  }
  return problems
}
