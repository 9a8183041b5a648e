/**
 * The insights' reads of the events database (the same SQL on PGlite and PostgreSQL): the gaps
 * (questions the KB did not answer, or whose answers users rejected, grouped by core/insights),
 * per-article figures (impressions, opens, feedback, uses) and the searches (top queries, no
 * results, daily rates). Every read is bounded: aggregates in SQL, lists with a LIMIT.
 *
 * Opens and verdicts are sent by clients, so they are checked here, at read time (no lookup on
 * the request path): one with a queryId counts only when its question row is on record in the
 * window and the article was among that row's results; each answer (queryId) counts once per
 * article, its latest verdict winning; and a row counts at most n answers per article, as it
 * stands for n questions, since the last 12 hex digits of a queryId are free to forge
 * (events/record.ts). Statements run one after another, not together: on PGlite they would
 * queue anyway, and the writer's batch gets its turn between them.
 */
import type { KbArticle } from '../../core/article.js'
import { type Gap, type GapQuestion, groupGaps } from '../../core/insights/gaps.js'
import { DAY_MS, daysBetween } from '../../core/insights/since.js'
import { LIMITS } from '../../limits.js'
import type { EventDb } from './db.js'

/** What insights read of the KB being served: its articles and the codes each lists. */
export interface ArticleCatalog {
  articles: readonly KbArticle[]
  codes: readonly (readonly string[])[]
}

/** No KB at hand: insights of the events alone (no products, no articles never found). */
export const NO_CATALOG: ArticleCatalog = { articles: [], codes: [] }

/**
 * An article is flagged often rejected from this many rejections in the window (not related, or
 * related but not solved) when they are at least this share of its verdicts: one unhappy user is
 * not a pattern, three out of four are.
 */
export const OFTEN_REJECTED = { minRejections: 3, minShare: 0.5 } as const

/** Rows of the top-queries and no-result lists, at most. */
export const TOP_QUERIES = 20

/** Characters of a stored question shown in the searches lists. */
const SHOWN_CHARS = 300

/** The products of the articles listing each code, from the KB. */
export function productsByCode(catalog: ArticleCatalog): (code: string) => readonly string[] {
  const map = new Map<string, Set<string>>()
  catalog.articles.forEach((a, i) => {
    for (const code of new Set([...(catalog.codes[i] ?? []), ...a.errorCodes])) {
      let set = map.get(code)
      if (!set) map.set(code, (set = new Set()))
      for (const p of a.products) set.add(p)
    }
  })
  return (code) => [...(map.get(code) ?? [])]
}

/**
 * Each answer's latest verdict per article, for answers on record in the window and articles they
 * showed, with the row's count n (`$1`: the window's start). Shared by the gaps and the figures.
 */
const LATEST_VERDICTS = `
  SELECT DISTINCT ON (f.query_id, f.article_id) f.question_id, f.query_id, f.article_id, f.verdict, f.at, q.n
    FROM kb_feedback f JOIN kb_queries q ON q.id = f.question_id
   WHERE f.at >= $1 AND q.at >= $1 AND f.article_id = ANY(q.result_ids)
   ORDER BY f.query_id, f.article_id, f.at DESC, f.id DESC`

/** What readGaps found: the gaps, and the questions read, counted with their rows' counts. */
export interface GapsRead {
  gaps: Gap[]
  /** Gap questions read: the sum of the counts of the latest LIMITS.insightsGapQuestions rows (a row is n identical questions). */
  questions: number
  /** Of those, the questions in no gap: the miner reached a bound, or nothing was left to group (`empty`). questions = sum of the gaps' counts + overflow. */
  overflow: number
  /** Of the overflow, questions whose stored text is empty (everything in them was redacted or normalized away). */
  empty: number
}

/** The gaps since a moment: the latest LIMITS.insightsGapQuestions gap question rows, grouped. */
export async function readGaps(db: Pick<EventDb, 'query'>, since: Date, catalog: ArticleCatalog): Promise<GapsRead> {
  // A gap question: unanswered (no confident match, or no result) and not solved, or answered and
  // rejected. A row is n identical questions (events/questions.ts), and each answer of it (a
  // queryId) has its own verdicts: an unanswered row counts its answers not solved, an answered
  // row only its answers rejected (and not solved), so one verdict counts one question however the
  // writer happened to group them. The verdicts are aggregated once and joined (a verdict comes
  // after its question, so within the window too): on PGlite with 20,000 questions, 0.1 s where a
  // subquery per question took 0.9 s.
  const { rows } = await db.query<{ at: Date | string; kind: 'search' | 'match'; text: string; codes: string[]; n: number; rejections: number }>(
    `WITH latest AS (${LATEST_VERDICTS}),
     answers AS (SELECT question_id, query_id, bool_or(verdict = 'solved') AS solved FROM latest GROUP BY question_id, query_id),
     v AS (
       SELECT question_id, count(*) FILTER (WHERE solved)::int AS solved, count(*) FILTER (WHERE NOT solved)::int AS rejections
         FROM answers GROUP BY question_id),
     g AS (
       SELECT q.id, q.at, q.kind, q.text, q.codes, least(coalesce(v.rejections, 0), q.n) AS rejections,
              CASE WHEN q.no_confident_match OR cardinality(q.result_ids) = 0
                   THEN greatest(q.n - coalesce(v.solved, 0), 0)
                   ELSE least(coalesce(v.rejections, 0), q.n) END AS n
         FROM kb_queries q LEFT JOIN v ON v.question_id = q.id
        WHERE q.at >= $1 AND (q.no_confident_match OR cardinality(q.result_ids) = 0 OR v.rejections > 0))
     SELECT at, kind, text, codes, n, least(rejections, n) AS rejections FROM g
      WHERE n > 0
      ORDER BY at DESC, id
      LIMIT $2`,
    [since, LIMITS.insightsGapQuestions],
  )
  const questions: GapQuestion[] = rows.map((r) => ({
    at: new Date(r.at),
    kind: r.kind,
    text: r.text,
    codes: r.codes ?? [],
    count: num(r.n),
    rejected: num(r.rejections) > 0,
    rejections: num(r.rejections),
  }))
  const { gaps } = groupGaps(questions, productsByCode(catalog))
  const total = sumOf(questions.map((q) => q.count ?? 1))
  const empty = sumOf(questions.filter((q) => q.text.trim() === '').map((q) => q.count ?? 1))
  return { gaps, questions: total, overflow: total - sumOf(gaps.map((g) => g.count)), empty }
}

const sumOf = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0)

/** What the insights say of one article. */
export interface ArticleFigures {
  id: string
  /** Null for an article no longer in the KB being served. */
  title: string | null
  inKb: boolean
  /** Times it was among the results shown. */
  impressions: number
  /** Answers that opened it (each once), and opens with no queryId. */
  opens: number
  /** Answers that opened it per impression (opens with no queryId left out): 0 to 1; null without impressions. */
  ctr: number | null
  /** Mean position (1 = first) of its opens: where the answer opening it showed it, or the position an open with no queryId gave; null without. */
  meanPosition: number | null
  /** Answers whose latest verdict on it is solved; likewise the next two. */
  solved: number
  notRelated: number
  relatedNotSolved: number
  /** Solved per verdict; null without verdicts. */
  helpfulRatio: number | null
  /** Tickets it was attached to. */
  uses: number
  oftenRejected: boolean
  /** In the KB, and never among the results shown in the window. */
  neverFound: boolean
}

const round = (n: number, places = 4): number => Math.round(n * 10 ** places) / 10 ** places
const num = (v: unknown): number => Number(v ?? 0)

/** Per article of the KB (and any other article the events name): its figures since a moment, by id. */
export async function readArticleFigures(db: Pick<EventDb, 'query'>, since: Date, catalog: ArticleCatalog): Promise<ArticleFigures[]> {
  const shown = await db.query<{ id: string; n: number }>(
    'SELECT r.id, sum(q.n)::int AS n FROM kb_queries q, unnest(q.result_ids) AS r(id) WHERE q.at >= $1 GROUP BY r.id',
    [since],
  )
  // Answers that opened an article, each once and at most n per row; an open with no queryId (a
  // link followed) counts as it is. The position of an answer's open is where its row showed the
  // article, not what the client sent (which it could repeat or make up); an open with no queryId
  // has only the client's.
  const opens = await db.query<{ id: string; answered: number; loose: number; pos: number | null; positions: number }>(
    `WITH per_row AS (
       SELECT o.article_id, least(count(DISTINCT o.query_id), min(q.n)) AS answers, min(array_position(q.result_ids, o.article_id)) AS pos
         FROM kb_opens o JOIN kb_queries q ON q.id = o.question_id
        WHERE o.at >= $1 AND q.at >= $1 AND o.article_id = ANY(q.result_ids)
        GROUP BY o.question_id, o.article_id)
     SELECT article_id AS id, sum(answers)::int AS answered, 0 AS loose,
            sum(pos * answers)::float8 AS pos, coalesce(sum(answers) FILTER (WHERE pos IS NOT NULL), 0)::int AS positions
       FROM per_row GROUP BY article_id
     UNION ALL
     SELECT article_id, 0, count(*)::int, sum(position)::float8, count(position)::int FROM kb_opens WHERE at >= $1 AND query_id IS NULL GROUP BY article_id`,
    [since],
  )
  const verdicts = await db.query<{ id: string; verdict: string; n: number }>(
    `WITH latest AS (${LATEST_VERDICTS}),
     counted AS (SELECT article_id, verdict, n, row_number() OVER (PARTITION BY question_id, article_id ORDER BY at DESC, query_id) AS k FROM latest)
     SELECT article_id AS id, verdict, count(*)::int AS n FROM counted WHERE k <= n GROUP BY article_id, verdict`,
    [since],
  )
  // Tickets, each once however often it was posted; a reference redaction turned into a
  // placeholder (`<email>`) no longer tells tickets apart, so each of those counts.
  const uses = await db.query<{ id: string; n: number }>(
    `SELECT article_id AS id, (count(DISTINCT ticket) FILTER (WHERE ticket NOT LIKE '%<%') + count(*) FILTER (WHERE ticket LIKE '%<%'))::int AS n
       FROM kb_uses WHERE at >= $1 GROUP BY article_id`,
    [since],
  )
  const figures = new Map<string, ArticleFigures>()
  const at = (id: string): ArticleFigures => {
    let f = figures.get(id)
    if (!f) {
      f = {
        id,
        title: null,
        inKb: false,
        impressions: 0,
        opens: 0,
        ctr: null,
        meanPosition: null,
        solved: 0,
        notRelated: 0,
        relatedNotSolved: 0,
        helpfulRatio: null,
        uses: 0,
        oftenRejected: false,
        neverFound: false,
      }
      figures.set(id, f)
    }
    return f
  }
  for (const a of catalog.articles) Object.assign(at(a.id), { title: a.title, inKb: true })
  for (const r of shown.rows) at(r.id).impressions = num(r.n)
  // Up to two rows an article: opens of answers, and opens with no queryId.
  const answeredOpens = new Map<string, number>()
  const positions = new Map<string, { sum: number; count: number }>()
  for (const r of opens.rows) {
    answeredOpens.set(r.id, (answeredOpens.get(r.id) ?? 0) + num(r.answered))
    at(r.id).opens += num(r.answered) + num(r.loose)
    const p = positions.get(r.id) ?? { sum: 0, count: 0 }
    positions.set(r.id, { sum: p.sum + num(r.pos), count: p.count + num(r.positions) })
  }
  for (const [id, p] of positions) at(id).meanPosition = p.count ? round(p.sum / p.count, 2) : null
  for (const r of verdicts.rows) {
    const f = at(r.id)
    if (r.verdict === 'solved') f.solved = num(r.n)
    else if (r.verdict === 'not-related') f.notRelated = num(r.n)
    else f.relatedNotSolved = num(r.n)
  }
  for (const r of uses.rows) at(r.id).uses = num(r.n)
  for (const f of figures.values()) {
    const verdictCount = f.solved + f.notRelated + f.relatedNotSolved
    const rejections = f.notRelated + f.relatedNotSolved
    // Opens of answers shown, per answer shown: at most 1, as each counts once per answer and row.
    f.ctr = f.impressions ? round((answeredOpens.get(f.id) ?? 0) / f.impressions) : null
    f.helpfulRatio = verdictCount ? round(f.solved / verdictCount) : null
    f.oftenRejected = rejections >= OFTEN_REJECTED.minRejections && rejections / verdictCount >= OFTEN_REJECTED.minShare
    f.neverFound = f.inKb && f.impressions === 0
  }
  return [...figures.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** A stored question and how often it was asked. */
export interface QueryCount {
  text: string
  kind: 'search' | 'match'
  count: number
  /** Of those, answered with no result. */
  noResult: number
}

/** One UTC day of questions. */
export interface DayFigures {
  day: string
  questions: number
  searches: number
  matches: number
  /** Searches and matches answered with no result. */
  noResult: number
  /** Matches with at least one result, per match; null on a day without matches. */
  matchRate: number | null
  /** Matches with a confident answer, per match; null on a day without matches. */
  confidentRate: number | null
}

/** The searches since a moment: top questions, those with no result, and the daily series (every day of the window from the first with a question). */
export async function readSearchFigures(
  db: Pick<EventDb, 'query'>,
  since: Date,
  now: Date = new Date(),
): Promise<{ total: number; top: QueryCount[]; noResult: QueryCount[]; daily: DayFigures[] }> {
  // sum(n): a row is n identical questions (events/questions.ts). Grouped on the characters shown,
  // not the whole stored text (up to 2,000): questions shown alike are counted alike, and the
  // aggregate holds at most SHOWN_CHARS per distinct question. One pass feeds both lists.
  type Row = { list: 'top' | 'none'; text: string; kind: 'search' | 'match'; n: number; none: number }
  const lists = await db.query<Row>(
    `WITH g AS (
       SELECT left(text, ${SHOWN_CHARS}) AS shown, kind, sum(n)::int AS n, coalesce(sum(n) FILTER (WHERE cardinality(result_ids) = 0), 0)::int AS none
         FROM kb_queries WHERE at >= $1 GROUP BY 1, 2)
     SELECT * FROM (
       (SELECT 'top' AS list, shown AS text, kind, n, none FROM g ORDER BY n DESC, shown, kind LIMIT ${TOP_QUERIES})
       UNION ALL
       (SELECT 'none', shown, kind, none, none FROM g WHERE none > 0 ORDER BY none DESC, shown, kind LIMIT ${TOP_QUERIES})) l
      ORDER BY list DESC, n DESC, text, kind`,
    [since],
  )
  const days = await db.query<{ day: string; questions: number; searches: number; matches: number; none: number; matched: number; confident: number }>(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
            sum(n)::int AS questions,
            coalesce(sum(n) FILTER (WHERE kind = 'search'), 0)::int AS searches,
            coalesce(sum(n) FILTER (WHERE kind = 'match'), 0)::int AS matches,
            coalesce(sum(n) FILTER (WHERE cardinality(result_ids) = 0), 0)::int AS none,
            coalesce(sum(n) FILTER (WHERE kind = 'match' AND cardinality(result_ids) > 0), 0)::int AS matched,
            coalesce(sum(n) FILTER (WHERE kind = 'match' AND NOT no_confident_match), 0)::int AS confident
       FROM kb_queries WHERE at >= $1 GROUP BY 1 ORDER BY 1`,
    [since],
  )
  const counts = (rows: Row[]): QueryCount[] => rows.map((r) => ({ text: r.text, kind: r.kind, count: num(r.n), noResult: num(r.none) }))
  const byDay = new Map(days.rows.map((r) => [r.day, r]))
  const first = days.rows[0]?.day
  // To the last day with questions when that is after today (a replica whose clock runs ahead),
  // but no further than tomorrow: a clock years ahead must not make the series that long.
  const lastAt = new Date(`${days.rows[days.rows.length - 1]?.day ?? ''}T00:00:00Z`).getTime()
  const until = new Date(Math.min(Math.max(now.getTime(), lastAt || 0), now.getTime() + DAY_MS))
  const daily = first
    ? daysBetween(new Date(`${first}T00:00:00Z`), until).map((day) => {
        const r = byDay.get(day)
        const matches = num(r?.matches)
        return {
          day,
          questions: num(r?.questions),
          searches: num(r?.searches),
          matches,
          noResult: num(r?.none),
          matchRate: matches ? round(num(r?.matched) / matches) : null,
          confidentRate: matches ? round(num(r?.confident) / matches) : null,
        }
      })
    : []
  return {
    // Every row, the ones past the series' end too: as the lists count them.
    total: days.rows.reduce((s, d) => s + num(d.questions), 0),
    top: counts(lists.rows.filter((r) => r.list === 'top')),
    noResult: counts(lists.rows.filter((r) => r.list === 'none')),
    daily,
  }
}
