import assert from 'node:assert/strict'
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadArticles, parseArticle } from '../src/content/load.js'
import { formatProblem, sortProblems } from '../src/content/problems.js'

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
      ['---', 'title: T', 'symptoms: [s]', 'environment: [e]', 'cause: c', 'resolution: r',
        'references:', '  - https://example.com/a', '  - title: B', '    url: https://example.com/b', '---', 'Body'].join('\n'),
      'refs.md',
    )
    assert.deepEqual(problems, [])
    assert.deepEqual(article?.references, [{ url: 'https://example.com/a' }, { title: 'B', url: 'https://example.com/b' }])
    assert.equal(article?.body.trim(), 'Body')
  })
})

describe('loadArticles', () => {
  it('reports every problem in every file, and duplicate ids with the file that has it first', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-load-'))
    const ok = (id: string) => ['---', `id: ${id}`, 'title: T', 'symptoms: [s]', 'environment: [e]', 'cause: c', 'resolution: r', '---', ''].join('\n')
    await mkdir(path.join(dir, 'nested'))
    await writeFile(path.join(dir, 'a.md'), ok('same'))
    await writeFile(path.join(dir, 'nested', 'b.md'), ok('same'))
    await writeFile(path.join(dir, 'c.md'), '---\ntitle: x\n---\n')
    await writeFile(path.join(dir, 'README.md'), '# About this folder\n')
    const { articles, problems } = await loadArticles(dir, 'kb')
    assert.deepEqual(articles.map((a) => a.source), ['a.md'])
    assert.deepEqual(problems.map(formatProblem), [
      'kb/README.md:1 file: warning: skipped: a README is not an article',
      'kb/c.md:1 cause: required field is missing; it must be a non-empty Markdown string',
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
