import assert from 'node:assert/strict'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadArticles, parseArticle } from '../src/build/content/load.js'
import { formatProblem, sortProblems } from '../src/build/content/problems.js'
import { buildFromFolder } from '../src/build/index/build.js'
import request from 'supertest'
import { LIMITS } from '../src/limits.js'
import { appFor } from './helpers/kb.js'
import { tempDir } from './helpers/temp.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'content')

describe('article validation (fixtures: input.md -> expected.txt)', async () => {
  for (const name of (await readdir(FIXTURES)).sort()) {
    it(name, async () => {
      const input = await readFile(path.join(FIXTURES, name, 'input.md'), 'utf8')
      const expected = (await readFile(path.join(FIXTURES, name, 'expected.txt'), 'utf8')).split('\n').filter(Boolean)
      const { problems } = parseArticle(input, 'x.md')
      assert.deepEqual(sortProblems(problems).map(formatProblem), expected)
    })
  }
})

describe('parseArticle', () => {
  it('keeps codes as strings (YAML failsafe schema) and defaults id to the file name', async () => {
    const input = await readFile(path.join(FIXTURES, 'valid-with-codes', 'input.md'), 'utf8')
    const { article } = parseArticle(input, 'sub/codes-stay-strings.md')
    assert.ok(article)
    assert.equal(article.id, 'codes-stay-strings')
    assert.deepEqual(article.errorCodes, ['0x8007000d', '500.10', '500.0', 'no'])
    assert.equal(article.source, 'sub/codes-stay-strings.md')
  })

  it('accepts references as URL strings or {title, url}', () => {
    const { article, problems } = parseArticle(
      [
        '---',
        'title: T',
        'symptoms: [s]',
        'environment: [e]',
        'cause: c',
        'resolution: r',
        'references:',
        '  - https://example.com/a',
        '  - title: B',
        '    url: https://example.com/b',
        '---',
        'Body',
      ].join('\n'),
      'refs.md',
    )
    assert.deepEqual(problems, [])
    assert.deepEqual(article?.references, [{ url: 'https://example.com/a' }, { title: 'B', url: 'https://example.com/b' }])
    assert.equal(article?.body.trim(), 'Body')
  })
})

describe('loadArticles', () => {
  it('reports every problem in every file, and duplicate ids with the file that has it first', async () => {
    const dir = await tempDir('kb-load-')
    const ok = (id: string) => ['---', `id: ${id}`, 'title: T', 'symptoms: [s]', 'environment: [e]', 'cause: c', 'resolution: r', '---', ''].join('\n')
    await mkdir(path.join(dir, 'nested'))
    await writeFile(path.join(dir, 'a.md'), ok('same'))
    await writeFile(path.join(dir, 'nested', 'b.md'), ok('same'))
    await writeFile(path.join(dir, 'c.md'), '---\ntitle: x\n---\n')
    await writeFile(path.join(dir, 'README.md'), '# About this folder\n')
    const { articles, problems } = await loadArticles(dir, 'kb')
    assert.deepEqual(
      articles.map((a) => a.source),
      ['a.md'],
    )
    assert.deepEqual(problems.map(formatProblem), [
      'kb/README.md:1 file: warning: skipped: a README is not an article',
      'kb/c.md:1 cause: warning: no cause: optional (KCS), but say why the problem happens once it is known',
      'kb/c.md:1 environment: required field is missing; it must be a non-empty list of strings',
      'kb/c.md:1 resolution: required field is missing; it must be a non-empty Markdown string',
      'kb/c.md:1 symptoms: required field is missing; it must be a non-empty list of strings',
      'kb/nested/b.md:1 id: duplicate id "same", already used by kb/a.md',
    ])
  })

  it('the bundled articles are all valid, with no warnings', async () => {
    const { articles, problems } = await loadArticles(path.join(import.meta.dirname, '..', 'articles'))
    assert.deepEqual(problems.map(formatProblem), [])
    assert.ok(articles.length >= 12, `expected at least 12 bundled articles, got ${articles.length}`)
  })
})

describe('limits an article meets (issue 14)', () => {
  const article = (fields: string[], body = 'Body\n') => ['---', 'title: T', 'symptoms: [s]', 'environment: [e]', ...fields, '---', body].join('\n')
  const problemsOf = (text: string) => parseArticle(text, 'deep.md').problems.map(formatProblem)
  const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')

  it('refuses Markdown nested deeper than the limit, on the line where it gets too deep, before parsing it', () => {
    const started = Date.now()
    assert.deepEqual(problemsOf(article(['cause: c', 'resolution: r'], `Intro\n\n${'>'.repeat(3000)} deep\n`)), [
      `deep.md:10 body: Markdown is nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items); flatten it`,
    ])
    assert.deepEqual(problemsOf(article([`cause: "${'>'.repeat(5000)} x"`, 'resolution: r'])), [
      `deep.md:5 cause: Markdown is nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items); flatten it`,
    ])
    // In a literal block scalar the line is exact: the resolution's 33rd list level is its 34th line.
    const indented = `  ${list(800).split('\n').join('\n  ')}`
    assert.deepEqual(problemsOf(article(['cause: c', 'resolution: |', '  Steps:', indented])), [
      `deep.md:40 resolution: Markdown is nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items); flatten it`,
    ])
    assert.deepEqual(problemsOf(article(['cause: c', 'resolution: r'], list(800))), [
      `deep.md:40 body: Markdown is nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items); flatten it`,
    ])
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`)
    assert.deepEqual(problemsOf(article(['cause: c', 'resolution: r'], list(LIMITS.markdownNesting))), [])
  })

  it('refuses a paragraph with more link brackets and emphasis marks than the limit (nested links, images, emphasis)', () => {
    const started = Date.now()
    const crowded = (field: string) =>
      `${field}: Markdown has more than ${LIMITS.markdownInlineOpeners} link brackets and emphasis marks ("[", "*", "_", "~") between blank lines; break it up with blank lines`
    assert.deepEqual(problemsOf(article(['cause: c', 'resolution: r'], `Intro\n\n${'!['.repeat(3000)}x${'](u)'.repeat(3000)}\n`)), [
      `deep.md:10 ${crowded('body')}`,
    ])
    assert.deepEqual(problemsOf(article([`cause: "${'*a '.repeat(3000)}x${' a*'.repeat(3000)}"`, 'resolution: r'])), [`deep.md:5 ${crowded('cause')}`])
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`)
    const links = Array.from({ length: 60 }, (_, i) => `[KB${i}](https://example.com/${i}) about ERROR_ACCESS_DENIED and *this*`).join(', ')
    assert.deepEqual(problemsOf(article(['cause: c', 'resolution: r'], `${links}\n\n${links}\n`)), [])
  })

  it('refuses an id longer than the limit, set or taken from the file name', () => {
    const long = 'a'.repeat(LIMITS.articleIdChars + 1)
    assert.deepEqual(parseArticle(article([`id: ${long}`, 'cause: c', 'resolution: r']), 'x.md').problems.map(formatProblem), [
      `x.md:5 id: must be at most ${LIMITS.articleIdChars} characters long, got ${LIMITS.articleIdChars + 1}`,
    ])
    assert.deepEqual(parseArticle(article(['cause: c', 'resolution: r']), `sub/${long}.md`).problems.map(formatProblem), [
      `sub/${long}.md:1 id: the file name is ${LIMITS.articleIdChars + 1} characters long, an id at most ${LIMITS.articleIdChars}; rename the file or set a shorter id:`,
    ])
    const longest = 'a'.repeat(LIMITS.articleIdChars)
    assert.equal(parseArticle(article([`id: ${longest}`, 'cause: c', 'resolution: r']), 'x.md').article?.id, longest)
  })

  it('reports a YAML tag such as !!js/function as one problem line, and prints no warning', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.message)
    process.on('warning', onWarning)
    try {
      const text = [
        '---',
        'title: !!js/function "function () { return 1 }"',
        'symptoms: [s]',
        'environment: [e]',
        'cause: c',
        'resolution: r',
        '---',
        'B',
      ].join('\n')
      const { article: parsed, problems } = parseArticle(text, 'x.md')
      assert.equal(parsed, undefined)
      assert.deepEqual(problems.map(formatProblem), ['x.md:2 title: unsupported YAML tag "!!js/function"; frontmatter values are plain text, remove the tag'])
    } finally {
      await new Promise((r) => setImmediate(r))
      process.off('warning', onWarning)
    }
    assert.deepEqual(warnings, [])
  })
})

describe('cause is optional (KCS)', () => {
  const text = ['---', 'title: T', 'symptoms: [s]', 'environment: [e]', 'resolution: r', '---', ''].join('\n')

  it('an article without a cause loads, with one warning line', () => {
    const { article, problems } = parseArticle(text, 'no-cause.md')
    assert.equal(article?.id, 'no-cause')
    assert.equal(article?.cause, undefined)
    assert.deepEqual(problems.map(formatProblem), ['no-cause.md:1 cause: warning: no cause: optional (KCS), but say why the problem happens once it is known'])
  })

  it('is stored as null and served as null by the API; an empty cause is still an error', async () => {
    const dir = await tempDir('kb-no-cause-')
    await writeFile(path.join(dir, 'no-cause.md'), text)
    const app = await appFor(dir)
    try {
      const res = await request(app.server).get('/api/articles/no-cause').expect(200)
      assert.equal(res.body.cause, null)
      assert.equal(res.body.resolution.markdown, 'r')
    } finally {
      await app.close()
    }
    assert.deepEqual(parseArticle(text.replace('resolution: r', 'cause: ""\nresolution: r'), 'x.md').problems.map(formatProblem), [
      'x.md:5 cause: must be a non-empty Markdown string, got an empty string',
    ])
  })
})

describe('status: draft (issue 17: kb draft writes them)', () => {
  const article = (status: string, resolution = 'r') =>
    ['---', `status: ${status}`, 'title: T', 'symptoms: [s]', 'environment: [e]', 'cause: c', `resolution: ${JSON.stringify(resolution)}`, '---', ''].join('\n')

  it('a draft is linted (one warning) and left out of the build unless drafts are included', async () => {
    const dir = await tempDir('kb-drafts-')
    await writeFile(path.join(dir, 'published.md'), article('published'))
    await writeFile(path.join(dir, 'drafted.md'), article('draft', 'TODO(draft): the steps'))
    const { articles, problems } = await loadArticles(dir, 'kb')
    assert.deepEqual(
      articles.map((a) => a.id),
      ['published'],
    )
    assert.deepEqual(problems.map(formatProblem), [
      'kb/drafted.md:2 status: warning: draft: linted, but not built or served until status: published (kb build --include-drafts to preview)',
    ])
    assert.deepEqual(
      (await buildFromFolder(dir)).articles.map((a) => a.id),
      ['published'],
    )
    assert.deepEqual(
      (await buildFromFolder(dir, { includeDrafts: true })).articles.map((a) => a.id),
      ['drafted', 'published'],
    )
  })

  it('a draft with an error is still an error, a published article keeping a TODO(draft) line is one, and status takes two values', () => {
    const broken = parseArticle(article('draft').replace('title: T', 'title: ""'), 'd.md')
    assert.equal(broken.article, undefined)
    assert.deepEqual(broken.problems.map(formatProblem).sort(), [
      'd.md:2 status: warning: draft: linted, but not built or served until status: published (kb build --include-drafts to preview)',
      'd.md:3 title: must be a non-empty string, got an empty string',
    ])
    assert.deepEqual(parseArticle(article('published', 'TODO(draft): the steps'), 'p.md').problems.map(formatProblem), [
      'p.md:7 resolution: still has a TODO(draft): line (kb draft, kb new): replace it, or set status: draft',
    ])
    assert.deepEqual(parseArticle(article('review'), 'r.md').problems.map(formatProblem), ['r.md:2 status: must be "draft" or "published", got "review"'])
    assert.equal(parseArticle(article('published'), 'p.md').article?.status, undefined)
  })
})
