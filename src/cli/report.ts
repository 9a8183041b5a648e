/**
 * `kb report [--since 7d] [--format md|json] [--top 10] [--server URL --token T]`: what the KB's
 * owners act on, for the KB repository's CI (examples/ci/kb-report.yml posts it as an issue): the
 * top knowledge gaps (each with its `kb draft` line), the articles users often reject, and the
 * articles nobody finds. Read from a server's insights API or the events database (cli/draft.ts).
 */
import type { Command } from 'commander'
import type { Gap } from '../core/insights/gaps.js'
import type { ArticleFigures } from '../runtime/events/insights.js'
import { CliError } from './errors.js'
import { type GapsAnswer, insightsReader, type SourceOptions } from './draft.js'

/**
 * Characters of the Markdown each list may take: an issue body holds 65,536 characters, and a
 * large KB can flag thousands of articles (the JSON lists them all). Rows past a list's share are
 * counted in an "and N more" line.
 */
export const REPORT_SHARES = { gaps: 36_000, oftenRejected: 12_000, neverFound: 12_000 } as const

/** Rows while they fit in `chars`, then one line saying how many more there are. */
function fitted(rows: readonly string[], chars: number, more: (n: number) => string): string[] {
  const out: string[] = []
  let used = 0
  for (const row of rows) {
    if (used + row.length + 1 > chars) return [...out, more(rows.length - out.length)]
    out.push(row)
    used += row.length + 1
  }
  return out
}

/** What a report says, as `--format json` prints it. */
export interface Report {
  window: { since: string; until: string }
  /** Gap questions read, and gaps found. */
  questions: number
  gapCount: number
  gaps: Gap[]
  oftenRejected: ArticleFigures[]
  neverFound: ArticleFigures[]
}

/** The report of the gaps and the article figures: the top gaps, the often rejected (most rejections first), the never found. */
export function makeReport(gaps: GapsAnswer, articles: readonly ArticleFigures[], top: number): Report {
  const rejections = (a: ArticleFigures) => a.notRelated + a.relatedNotSolved
  return {
    window: gaps.window,
    questions: gaps.questions,
    gapCount: gaps.total,
    gaps: gaps.gaps.slice(0, top),
    oftenRejected: articles.filter((a) => a.oftenRejected).sort((a, b) => rejections(b) - rejections(a) || (a.id < b.id ? -1 : 1)),
    neverFound: articles.filter((a) => a.neverFound),
  }
}

/** One line of at most `max` characters. */
function oneLine(s: string, max = 160): string {
  const one = s.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

/**
 * Text that GFM reads back as itself, in a table cell too: the characters Markdown or HTML could
 * read as markup (`|`, `\`, backticks, `*`, `_`, `~`, `[`, `!`, `<`, `&`, `$` for GitHub's math)
 * as numeric character references. A table splits its rows on `|` before anything else, and a
 * `\|` escape is undone by a backslash before it; a reference holds neither. (GFM still links a
 * URL in any text: that changes no cell.)
 */
function literal(s: string): string {
  return s.replace(/[&<>|\\`*_~[\]!$]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Plain text for a table cell (titles, codes, products), one line. */
function cell(s: string, max = 160): string {
  return literal(oneLine(s, max))
}

/**
 * Text in code style, for a table cell or a list item, shown exactly as it is: a code span (read
 * the same raw and rendered; backticks in the text get a longer fence) when it holds no `|`, which
 * a table would split it on, even in a code span; else `<code>` around `literal` text.
 */
function code(s: string): string {
  const text = oneLine(s)
  if (text.includes('|')) return `<code>${literal(text)}</code>`
  const run = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length))
  const ticks = '`'.repeat(run + 1)
  return run ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`
}

const pct = (n: number | null): string => (n === null ? '–' : `${Math.round(n * 100)}%`)

/** The report as Markdown (an issue body). */
export function reportMarkdown(r: Report, since: string): string {
  const day = (iso: string) => iso.slice(0, 10)
  // `--since 7d` is a span ("the last 7d"); a date or a time is where the window starts.
  const span = /^\d+[hdw]$/.test(since.trim()) ? `the last ${since.trim()}` : 'since'
  const out = [`# KB report: ${span} (${day(r.window.since)} to ${day(r.window.until)})`, '']
  out.push(`## Top gaps`, '')
  if (r.gaps.length === 0) out.push('No unanswered or rejected questions in this window.', '')
  else {
    out.push(
      `${r.gapCount} gap${r.gapCount === 1 ? '' : 's'} from ${r.questions} unanswered or rejected question${r.questions === 1 ? '' : 's'}; the ${r.gaps.length} largest. Write the article with the draft command: its --since is this window's start, and a gap's id lasts while its oldest question is in the window.`,
      '',
    )
    out.push('| Questions | Rejected | Last seen | Question, as a template | Codes | Products | Draft |', '|---:|---:|---|---|---|---|---|')
    const rows = r.gaps.map(
      (g) =>
        `| ${g.count} | ${g.rejected} | ${day(g.lastSeen)} | ${code(g.template)} | ${cell(g.codes.join(', ')) || '–'} | ${cell(g.products.join(', ')) || '–'} | ${code(`kb draft --gap ${g.id} --since ${r.window.since}`)} |`,
    )
    out.push(...fitted(rows, REPORT_SHARES.gaps, (n) => `\n${n} more gap${n === 1 ? '' : 's'}: \`kb report --format json\` lists them.`), '')
  }
  out.push('## Articles users often reject', '')
  if (r.oftenRejected.length === 0) out.push('None.', '')
  else {
    out.push('| Article | Not related | Related, not solved | Solved | Helpful | Opens |', '|---|---:|---:|---:|---:|---:|')
    const rows = r.oftenRejected.map(
      (a) => `| ${code(a.id)} ${cell(a.title ?? '')} | ${a.notRelated} | ${a.relatedNotSolved} | ${a.solved} | ${pct(a.helpfulRatio)} | ${a.opens} |`,
    )
    out.push(...fitted(rows, REPORT_SHARES.oftenRejected, (n) => `\n${n} more: \`kb report --format json\` lists them.`), '')
  }
  out.push('## Articles nobody finds', '')
  if (r.neverFound.length === 0) out.push('None: every article was among the results of a question.', '')
  else {
    out.push(`Never among the results shown in this window (${r.neverFound.length}):`, '')
    const rows = r.neverFound.map((a) => `- ${code(a.id)} ${cell(a.title ?? '')}`)
    out.push(...fitted(rows, REPORT_SHARES.neverFound, (n) => `- and ${n} more: \`kb report --format json\` lists them.`), '')
  }
  return out.join('\n')
}

interface ReportOptions extends SourceOptions {
  since: string
  format: string
  top: number
}

/** Register `kb report`. */
export function registerReportCommand(program: Command, int: (name: string, min: number, max: number) => (v: string) => number): void {
  program
    .command('report')
    .description('the top knowledge gaps, the articles users often reject and those nobody finds (Markdown for an issue, or JSON)')
    .option('--since <span>', 'the window: 7d, 24h, 2w or a date', '7d')
    .option('--format <format>', 'md or json', 'md')
    .option('--top <n>', 'gaps listed', int('top', 1, 100), 10)
    .option('--server <url>', "read a running server's insights API instead of the events database")
    .option('--token <token>', 'the admin token for --server (default: $KB_ADMIN_TOKEN)')
    .option('-i, --index <file>', 'artifact of the KB (database source; default: $KB_INDEX)')
    .action(async (o: ReportOptions) => {
      if (o.format !== 'md' && o.format !== 'json') throw new CliError(`--format must be md or json, got "${o.format}"`, 2)
      const reader = await insightsReader(o)
      let report: Report
      try {
        report = makeReport(await reader.gaps(o.since, o.top), await reader.articles(o.since), o.top)
      } finally {
        await reader.close()
      }
      process.stdout.write(o.format === 'json' ? `${JSON.stringify(report)}\n` : reportMarkdown(report, o.since))
    })
}
