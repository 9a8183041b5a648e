/**
 * `kb lint [--strict] [--format text|json|github] [--today YYYY-MM-DD] [--no-self-check]`: every
 * article validated as `kb build` does, then the KB's self-check (src/build/lint/selfcheck.ts):
 * symptoms that do not find their article, symptoms two articles share, broken links, stale review
 * dates. Warnings do not fail it unless `--strict`; `--format github` annotates a pull request.
 */
import { type Command, InvalidArgumentError } from 'commander'
import { formatProblem, NoArticlesError, type Problem } from '../build/content/problems.js'

const LINT_FORMATS = ['text', 'json', 'github'] as const
type LintFormat = (typeof LINT_FORMATS)[number]

function format(v: string): LintFormat {
  if (!(LINT_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${LINT_FORMATS.join(', ')}`)
  return v as LintFormat
}

/** A --today value: a real calendar date, YYYY-MM-DD (not 2026-02-30). */
function day(v: string): string {
  const d = new Date(`${v}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new InvalidArgumentError('must be a date in YYYY-MM-DD form, such as 2026-01-31')
  }
  return v
}

function printProblems(problems: Problem[]): void {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`)
}

interface LintOptions {
  articles: string
  strict?: boolean
  format: LintFormat
  json?: boolean
  today?: string
  selfCheck: boolean
}

/** Register `kb lint`. */
export function registerLintCommand(program: Command, defaultArticles: string): void {
  program
    .command('lint')
    .description(
      'validate every article, then self-check the KB (own symptoms, shared symptoms, links, review dates); one line per problem, non-zero exit on errors',
    )
    .option('-a, --articles <dir>', 'articles folder', defaultArticles)
    .option('--strict', 'make warnings errors (drafts, and symptoms the time budget left unasked, stay listed as warnings)')
    .option('--format <format>', 'text, json or github (GitHub Actions annotations)', format, 'text')
    .option('--json', 'machine-readable output (--format json)')
    .option('--today <date>', 'the date review dates are checked against, YYYY-MM-DD (default: today, UTC)', day)
    .option('--no-self-check', 'validate only: no matching, shared-symptom, link or review-date checks')
    .action(async (o: LintOptions) => {
      const [{ loadArticles, DRAFT_NOTE }, { selfCheck, SELF_CHECK_FIELD }, { githubAnnotation, sortProblems, strictProblems }] = await Promise.all([
        import('../build/content/load.js'),
        import('../build/lint/selfcheck.js'),
        import('../build/content/problems.js'),
      ])
      const output = o.json ? 'json' : o.format
      // Drafts are loaded for the self-check (a link to a draft, a draft repeating a symptom), not counted as valid articles.
      const loaded = await loadArticles(o.articles, o.articles, { includeDrafts: true })
      const articles = loaded.articles.filter((a) => a.status !== 'draft')
      let problems = loaded.problems
      // What build would refuse, lint refuses too.
      if (articles.length === 0 && !problems.some((p) => p.severity === 'error')) {
        if (output === 'text') printProblems(problems)
        throw new NoArticlesError(o.articles, problems)
      }
      if (o.selfCheck) {
        const today = o.today ?? new Date().toISOString().slice(0, 10)
        const found = await selfCheck({ articles: loaded.articles, synonyms: loaded.synonyms, dir: o.articles, displayDir: o.articles, today })
        problems = sortProblems([...problems, ...found])
      }
      // A draft's listing and the note of symptoms left unasked (a time budget) stay warnings: neither
      // is a mistake in an article. So does every warning of a draft (no cause yet: kb draft leaves
      // it to the author): a draft is not served, and --strict holds it once it is published.
      if (o.strict) {
        const drafts = new Set(problems.filter((p) => p.message === DRAFT_NOTE).map((p) => p.file))
        problems = strictProblems(problems, (p) => drafts.has(p.file) || p.field === SELF_CHECK_FIELD)
      }
      const errors = problems.filter((p) => p.severity === 'error').length
      const warnings = problems.length - errors
      const summary = `${errors === 0 ? 'OK' : 'FAILED'}: ${articles.length} valid articles, ${errors} errors, ${warnings} warnings`
      if (output === 'json') {
        process.stdout.write(`${JSON.stringify({ ok: errors === 0, articles: articles.length, errors, warnings, problems })}\n`)
      } else if (output === 'github') {
        for (const p of problems) process.stdout.write(`${githubAnnotation(p)}\n`)
        process.stdout.write(`${summary}\n`)
      } else {
        printProblems(problems)
        process.stdout.write(`${summary}\n`)
      }
      process.exitCode = errors === 0 ? 0 : 1
    })
}
