/**
 * The KB self-check of `kb lint` (issue 18): on a fixture KB written for it, each finding with its
 * exact line (own symptoms, shared symptoms, links, review dates), `--strict`, and the exact
 * `--format json` and `--format github` output; the bundled articles pass `kb lint --strict`.
 * The CLI tests run the bundled CLI (`npm run build:server` first).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadArticles } from '../src/build/content/load.js'
import { formatProblem, githubAnnotation, sortProblems, strictProblems } from '../src/build/content/problems.js'
import { findDuplicateSymptoms, findStale, findUnfound, markdownLinks, selfCheck, symptomsInTurn } from '../src/build/lint/selfcheck.js'
import type { ArticleSource } from '../src/build/content/schema.js'
import { REPO } from './helpers/kb.js'
import { CLI } from './helpers/server.js'

const KB = 'test/fixtures/selfcheck/kb'
const TODAY = '2026-12-01'

/** What the fixture KB holds wrong, as `kb lint` prints it (sorted by file, line, field). */
const FINDINGS = [
  `${KB}/mail-draft.md:1 cause: warning: no cause: optional (KCS), but say why the problem happens once it is known`,
  `${KB}/mail-draft.md:3 status: warning: draft: linted, but not built or served until status: published (kb build --include-drafts to preview)`,
  `${KB}/network/dns-timeout.md:1 cause: warning: no cause: optional (KCS), but say why the problem happens once it is known`,
  `${KB}/network/dns-timeout.md:6 symptoms[1]: warning: not found by its own symptom: "queue-stuck" (${KB}/queue-stuck.md) comes first`,
  `${KB}/network/dns-timeout.md:9 resolution: warning: link "../missing-article.md": no file missing-article.md in the articles folder`,
  `${KB}/network/dns-timeout.md:9 resolution: warning: link "ftp://files.example.com/dns.txt" is not an http(s) link`,
  `${KB}/queue-stuck.md:4 verified: warning: stale: last verified 2025-09-01, 456 days ago (more than 365)`,
  `${KB}/queue-stuck.md:7 symptoms[1]: warning: nearly the same symptom (the same terms, worded differently) as ${KB}/network/dns-timeout.md:6 ("dns-timeout"): keep it in one article, or tell them apart`,
  `${KB}/spooler-stops.md:4 review_by: warning: stale: to be reviewed by 2026-03-01, 275 days ago`,
  `${KB}/spooler-stops.md:8 symptoms[1]: warning: not found by its own symptom: "queue-stuck" (${KB}/queue-stuck.md) comes first`,
  `${KB}/spooler-stops.md:8 symptoms[1]: warning: the same symptom as ${KB}/queue-stuck.md:6 ("queue-stuck"): keep it in one article, or tell them apart`,
  `${KB}/spooler-stops.md:14 cause: warning: link "/articles/driver-isolation": no article has the id "driver-isolation"`,
  `${KB}/spooler-stops.md:19 body: warning: link "notes/old-notes.md": no file notes/old-notes.md in the articles folder`,
  `${KB}/spooler-stops.md:19 body: warning: link "mail-draft.md": ${KB}/mail-draft.md is a draft, not served until published`,
]

function kb(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

async function loadFixture() {
  return loadArticles(path.join(REPO, KB), KB, { includeDrafts: true })
}

describe('self-check', () => {
  it('finds each problem of the fixture KB at its line', async () => {
    const loaded = await loadFixture()
    const found = await selfCheck({ articles: loaded.articles, synonyms: loaded.synonyms, dir: path.join(REPO, KB), displayDir: KB, today: TODAY })
    assert.deepEqual(sortProblems([...loaded.problems, ...found]).map(formatProblem), FINDINGS)
  })

  it('asks symptoms in turn across articles, within the cap and the time budget', async () => {
    const loaded = await loadFixture()
    const published = loaded.articles.filter((a) => a.status !== 'draft')
    assert.deepEqual(
      symptomsInTurn(published, 4).map((s) => `${s.article.id}#${s.index}`),
      ['dns-timeout#0', 'queue-stuck#0', 'spooler-stops#0', 'dns-timeout#1'],
    )
    const capped = findUnfound(published, { synonyms: loaded.synonyms, displayDir: KB }, { maxSymptoms: 3 })
    assert.deepEqual(capped.map(formatProblem), [
      `${KB}:1 self-check: warning: matched 3 of 7 symptoms against the KB (at most 3 are asked); the rest were not checked`,
    ])
    const late = findUnfound(published, { synonyms: loaded.synonyms, displayDir: KB }, { budgetMs: 0 })
    assert.deepEqual(late.map(formatProblem), [
      `${KB}:1 self-check: warning: matched 0 of 7 symptoms against the KB (the 0 s budget ran out); the rest were not checked`,
    ])
  })

  it('a symptom shared by three articles: one finding on each later one, naming the first', () => {
    const art = (id: string, symptoms: string[]) =>
      ({ id, source: `${id}.md`, symptoms, lines: { symptoms: symptoms.map((_s, i) => 5 + i) } }) as unknown as ArticleSource
    const articles = [
      art('a', ['Error message 1', 'The service stops after 10 seconds with code 0x80070005']),
      art('b', ['error  message 1']),
      art('c', ['Error message 1', 'the service stops after 10 seconds with code 0x80070005.']),
      art('d', ['Seconds after 10, the service stops with code 0x80070005']),
    ]
    assert.deepEqual(findDuplicateSymptoms(articles, 'kb').map(formatProblem), [
      'kb/b.md:5 symptoms[0]: warning: the same symptom as kb/a.md:5 ("a"): keep it in one article, or tell them apart',
      'kb/c.md:5 symptoms[0]: warning: the same symptom as kb/a.md:5 ("a"), and 1 more article: keep it in one article, or tell them apart',
      'kb/c.md:6 symptoms[1]: warning: the same symptom as kb/a.md:6 ("a"): keep it in one article, or tell them apart',
      'kb/d.md:5 symptoms[0]: warning: nearly the same symptom (the same terms, worded differently) as kb/a.md:6 ("a"), and 1 more article: keep it in one article, or tell them apart',
    ])
  })

  it('a verified date in the future is a typo; dates on the day are not stale', () => {
    const a = {
      id: 'x',
      source: 'x.md',
      reviewBy: TODAY,
      verified: '2027-01-02',
      lines: { symptoms: [], review_by: 3, verified: 4 },
    } as unknown as ArticleSource
    assert.deepEqual(findStale([a], 'kb', TODAY).map(formatProblem), [
      'kb/x.md:4 verified: warning: 2027-01-02 is after today (2026-12-01): a verification date cannot be in the future',
    ])
  })

  it('reads links from Markdown, not from code', () => {
    const md = [
      'See [a](/articles/a) and `[b](/articles/b)`.',
      '```',
      '[c](c.md)',
      '```',
      '    [d](d.md)',
      '[e]: <e.md>',
      '~~~~',
      '```',
      '[f](f.md)',
      '~~~~',
      '[g]( g.md "title")',
    ].join('\n')
    assert.deepEqual(markdownLinks(md), [
      { target: '/articles/a', line: 1 },
      { target: 'e.md', line: 6 },
      { target: 'g.md', line: 11 },
    ])
  })

  it('escapes annotations as GitHub reads them; --strict leaves what it is told to keep', () => {
    const p = { file: 'kb/a,b:c.md', line: 3, field: 'symptoms[0]', message: '100% sure\r\nnot: a, b', severity: 'warning' as const }
    assert.equal(githubAnnotation(p), '::warning file=kb/a%2Cb%3Ac.md,line=3,title=symptoms[0]::100%25 sure%0D%0Anot: a, b')
    assert.equal(
      githubAnnotation({ ...p, field: 'a:b,c', severity: 'error' }),
      '::error file=kb/a%2Cb%3Ac.md,line=3,title=a%3Ab%2Cc::100%25 sure%0D%0Anot: a, b',
    )
    const kept = { ...p, message: 'kept' }
    assert.deepEqual(
      strictProblems([p, kept], (q) => q.message === 'kept').map((q) => q.severity),
      ['error', 'warning'],
    )
  })

  it('review dates must be real dates', async () => {
    const { parseArticle } = await import('../src/build/content/load.js')
    const text = '---\ntitle: T\nsymptoms: [s]\nenvironment: [e]\ncause: c\nresolution: r\nreview_by: 2026-02-30\nverified: 26-01-01\n---\n'
    assert.deepEqual(parseArticle(text, 't.md').problems.map(formatProblem), [
      't.md:8 verified: must be a date in YYYY-MM-DD form, got "26-01-01"',
      't.md:7 review_by: "2026-02-30" is not a real calendar date',
    ])
  })
})

describe('kb lint with the self-check', () => {
  it('prints warnings and exits 0; --strict makes them errors (a draft’s stay warnings) and exits 1', () => {
    const lint = kb(['lint', '--articles', KB, '--today', TODAY])
    assert.equal(lint.code, 0, lint.stderr)
    assert.deepEqual(lint.stderr.trim().split('\n'), FINDINGS)
    assert.equal(lint.stdout, 'OK: 3 valid articles, 0 errors, 14 warnings\n')
    const strict = kb(['lint', '--articles', KB, '--today', TODAY, '--strict'])
    assert.equal(strict.code, 1)
    assert.deepEqual(
      strict.stderr.trim().split('\n'),
      // A draft is not served: --strict holds it once it is published (kb draft leaves the cause to its author).
      FINDINGS.map((l) => (l.startsWith(`${KB}/mail-draft.md:`) ? l : l.replace(': warning: ', ': '))),
    )
    assert.equal(strict.stdout, 'FAILED: 3 valid articles, 12 errors, 2 warnings\n')
    const validateOnly = kb(['lint', '--articles', KB, '--no-self-check', '--strict'])
    assert.equal(validateOnly.stdout, 'FAILED: 3 valid articles, 1 errors, 2 warnings\n')
  })

  it('--format json: the problems and a summary', () => {
    const lint = kb(['lint', '--articles', KB, '--today', TODAY, '--format', 'json'])
    assert.equal(lint.code, 0)
    assert.equal(lint.stderr, '')
    const out = JSON.parse(lint.stdout) as { ok: boolean; articles: number; errors: number; warnings: number; problems: Array<{ file: string }> }
    assert.deepEqual({ ...out, problems: out.problems.length }, { ok: true, articles: 3, errors: 0, warnings: 14, problems: 14 })
    assert.deepEqual(out.problems[3], {
      file: `${KB}/network/dns-timeout.md`,
      line: 6,
      field: 'symptoms[1]',
      message: `not found by its own symptom: "queue-stuck" (${KB}/queue-stuck.md) comes first`,
      severity: 'warning',
    })
    assert.equal(kb(['lint', '--articles', KB, '--today', TODAY, '--json']).stdout, lint.stdout)
  })

  it('--format github: one annotation a problem, then the summary', () => {
    const lint = kb(['lint', '--articles', KB, '--today', TODAY, '--format', 'github', '--strict'])
    assert.equal(lint.code, 1)
    const lines = lint.stdout.trim().split('\n')
    assert.equal(lines.length, FINDINGS.length + 1)
    assert.equal(
      lines[1],
      `::warning file=${KB}/mail-draft.md,line=3,title=status::draft: linted, but not built or served until status: published (kb build --include-drafts to preview)`,
    )
    assert.equal(
      lines[3],
      `::error file=${KB}/network/dns-timeout.md,line=6,title=symptoms[1]::not found by its own symptom: "queue-stuck" (${KB}/queue-stuck.md) comes first`,
    )
    assert.equal(lines[5], `::error file=${KB}/network/dns-timeout.md,line=9,title=resolution::link "ftp://files.example.com/dns.txt" is not an http(s) link`)
    assert.equal(lines.at(-1), 'FAILED: 3 valid articles, 12 errors, 2 warnings')
  })

  it('refuses a --today that is not a date, and an unknown format', () => {
    const today = kb(['lint', '--articles', KB, '--today', '2026-02-30'])
    assert.equal(today.code, 2)
    assert.match(today.stderr, /--today <date>' argument '2026-02-30' is invalid\. must be a date in YYYY-MM-DD form/)
    assert.equal(kb(['lint', '--articles', KB, '--format', 'xml']).code, 2)
  })

  it('the bundled articles pass kb lint --strict', () => {
    const lint = kb(['lint', '--strict'])
    assert.equal(lint.code, 0, lint.stderr)
    assert.equal(lint.stderr, '')
    assert.match(lint.stdout, /^OK: \d+ valid articles, 0 errors, 0 warnings\n$/)
  })
})
