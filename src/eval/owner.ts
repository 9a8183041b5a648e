/**
 * `kb eval` for a KB's owners: their own labelled pastes (`--pastes`), or each article's own
 * symptoms asked with that symptom left out of the KB (`--self`, a check that needs no labels).
 * Both build the KB from the articles folder in memory and report top-1, top-3 and MRR per kind,
 * our confidence measures and the pastes our confidence got wrong.
 */
import { readFile } from 'node:fs/promises'
import { parseArtifact } from '../build/artifact/artifact.js'
import { buildArtifact } from '../build/index/build.js'
import { loadArticles } from '../build/content/load.js'
import { ContentError, NoArticlesError } from '../build/content/problems.js'
import type { ArticleSource } from '../build/content/schema.js'
import { LIMITS } from '../limits.js'
import { type EvalCase, parseCases } from './cases.js'
import { type CaseRun, figures, type Figures, runCases, systemsFor } from './evaluate.js'

/** Load and validate an articles folder as `kb build` does: content errors and an empty folder are refused. */
async function loadKb(dir: string): Promise<Awaited<ReturnType<typeof loadArticles>>> {
  const loaded = await loadArticles(dir)
  if (loaded.problems.some((p) => p.severity === 'error')) throw new ContentError(loaded.problems)
  if (loaded.articles.length === 0) throw new NoArticlesError(dir, loaded.problems)
  return loaded
}

/** What `kb eval --pastes` measured. */
export interface PastesReport extends Figures {
  articles: number
  /** Pastes left out: their expected article is not in the KB. */
  skipped: Array<{ id: string; expect: string }>
}

/** Run a KB owner's labelled pastes (JSONL: `{text, expect, kind?, id?}`) against the KB built from `articles`, with the baselines beside. */
export async function evalPastes(opts: { articles: string; pastes: string }): Promise<PastesReport> {
  const cases = parseCases(await readFile(opts.pastes, 'utf8'), opts.pastes)
  const loaded = await loadKb(opts.articles)
  const artifact = parseArtifact(buildArtifact(loaded.articles, loaded.synonyms).bytes, 'memory')
  const ids = new Set(artifact.articles.map((a) => a.id))
  const usable = cases.filter((c) => c.expect === null || ids.has(c.expect))
  const skipped = cases.filter((c) => !usable.includes(c)).map((c) => ({ id: c.id, expect: c.expect! }))
  const runs = runCases(
    usable.map((c) => ({ c })),
    await systemsFor(artifact),
  )
  return { articles: artifact.articles.length, skipped, ...figures(runs) }
}

/** What `kb eval --self` measured. */
export interface SelfReport extends Figures {
  articles: number
  /** Symptoms in the KB, and those asked (at most LIMITS.selfEvalSymptoms). */
  symptoms: number
  asked: number
  /** KBs built: one per round of left-out symptoms. */
  rounds: number
  /** Articles whose own symptoms did not all bring them first: how many did, of how many asked, and what came first instead. */
  notFound: Array<{ id: string; found: number; asked: number; instead: string[] }>
}

/** Rounds of `--self` at most: each builds the KB once. */
export const SELF_ROUNDS = 8

/**
 * The symptoms `--self` asks: every article's first symptom, then every article's second, and so
 * on (articles in id order), until LIMITS.selfEvalSymptoms, so that a cap spreads over articles.
 */
export function selfCases(articles: readonly ArticleSource[], max: number = LIMITS.selfEvalSymptoms): Array<EvalCase & { position: number }> {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const out: Array<EvalCase & { position: number }> = []
  const deepest = Math.max(0, ...sorted.map((a) => a.symptoms.length))
  for (let k = 0; k < deepest && out.length < max; k++) {
    for (const a of sorted) {
      if (out.length >= max) break
      const text = a.symptoms[k]
      if (text !== undefined) out.push({ id: `${a.id}#${k + 1}`, kind: 'symptom', text, expect: a.id, position: k })
    }
  }
  return out
}

/**
 * Leave one symptom out, in rounds: round r builds the KB without every symptom at a position
 * p (p mod rounds = r) of its article, and asks those symptoms. A symptom is never in the KB it
 * is asked against; its neighbours lack a few of theirs too (the approximation that bounds the
 * builds to SELF_ROUNDS instead of one per symptom).
 */
export async function evalSelf(opts: { articles: string; maxSymptoms?: number }): Promise<SelfReport> {
  const loaded = await loadKb(opts.articles)
  const asked = selfCases(loaded.articles, opts.maxSymptoms)
  const rounds = Math.min(SELF_ROUNDS, Math.max(...loaded.articles.map((a) => a.symptoms.length)))
  const runs: CaseRun[] = []
  for (let r = 0; r < rounds; r++) {
    const these = asked.filter((c) => c.position % rounds === r)
    if (these.length === 0) continue
    const without = loaded.articles.map((a) => ({ ...a, symptoms: a.symptoms.filter((_s, p) => p % rounds !== r) }))
    const artifact = parseArtifact(buildArtifact(without, loaded.synonyms).bytes, 'memory')
    runs.push(
      ...runCases(
        these.map(({ position: _p, ...c }) => ({ c })),
        await systemsFor(artifact, undefined, false),
      ),
    )
  }
  runs.sort((a, b) => (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
  const byArticle = new Map<string, { found: number; asked: number; instead: Set<string> }>()
  for (const r of runs) {
    const e = byArticle.get(r.c.expect!) ?? { found: 0, asked: 0, instead: new Set<string>() }
    e.asked++
    const first = r.ours.ranked[0]
    if (first === r.c.expect) e.found++
    else e.instead.add(first ?? '(nothing)')
    byArticle.set(r.c.expect!, e)
  }
  const notFound = [...byArticle]
    .filter(([, e]) => e.found < e.asked)
    .map(([id, e]) => ({ id, found: e.found, asked: e.asked, instead: [...e.instead].sort() }))
    .sort((a, b) => a.found / a.asked - b.found / b.asked || (a.id < b.id ? -1 : 1))
  return {
    articles: loaded.articles.length,
    symptoms: loaded.articles.reduce((n, a) => n + a.symptoms.length, 0),
    asked: asked.length,
    rounds,
    notFound,
    ...figures(runs),
  }
}
