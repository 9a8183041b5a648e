import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { HtmlTooDeepError, htmlToMarkdown } from '../src/build/import/html.js'
import { readSources, SOURCE_EXTENSIONS } from '../src/build/import/sources.js'
import { readZendeskArticles, zendeskSourcePath } from '../src/build/import/zendesk.js'
import { LIMITS } from '../src/limits.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'import-html')
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8')

describe('htmlToMarkdown', () => {
  it('keeps the article of an export page: headings at their levels, code with its language, a table; no page furniture', () => {
    const page = htmlToMarkdown(fixture('export-page.html'))
    assert.equal(page.title, 'Mail relay rejects messages with 550 5.7.1')
    assert.deepEqual(page.frontmatter, {
      description: 'Outbound mail fails when the relay does not trust the sending host.',
      keywords: ['smtp', 'relay', '550 5.7.1'],
      product: 'Northwind Mail Gateway',
    })
    // The fixture's expected file carries the frontmatter block readSources adds: the Markdown is what follows it.
    assert.equal(page.markdown, fixture('export-page.expected.md').replace(/^---\n[\s\S]*?\n---\n\n/, ''))
    for (const furniture of [
      'Northwind Support Center',
      'Breadcrumb',
      'Knowledge base',
      'analytics',
      'max-width',
      'helpful',
      'Related articles',
      '©',
      'rating',
    ]) {
      assert.ok(!page.markdown.includes(furniture), `"${furniture}" is page furniture`)
    }
  })

  it('takes the title from <title> when the page has no <h1>, and drops hidden elements and furniture named by class or id', () => {
    const page = htmlToMarkdown(fixture('plain-export.htm'))
    assert.equal(page.title, 'Backup job stops at 0x80070005')
    assert.deepEqual(page.frontmatter, { applies_to: ['Tailspin Backup Agent 7', 'Tailspin Backup Agent 8'], date: '2025-11-20' })
    assert.ok(page.markdown.startsWith('### Problem\n'))
    for (const furniture of ['Home', 'Support / Backup', 'Popular articles', 'helpful', 'Contact support']) {
      assert.ok(!page.markdown.includes(furniture), `"${furniture}" is page furniture`)
    }
  })

  it('reads a help-center body fragment, which has no <html> or <title>', () => {
    assert.deepEqual(htmlToMarkdown('<p>Run <code>sync --reset</code>.</p><h2>Cause</h2><p>A stale token.</p>'), {
      markdown: 'Run `sync --reset`.\n\n## Cause\n\nA stale token.\n',
      frontmatter: {},
    })
    assert.deepEqual(htmlToMarkdown(''), { markdown: '', frontmatter: {} })
  })

  it(`refuses HTML nested more than ${LIMITS.importHtmlNesting} elements deep, before converting it`, () => {
    const depth = (n: number) => `<p>intro</p>\n${'<b><i>'.repeat(n / 2)}x${'</i></b>'.repeat(n / 2)}`
    // html and body are two levels, so a paragraph of LIMITS - 2 nested elements is the deepest allowed.
    assert.equal(htmlToMarkdown(depth(LIMITS.importHtmlNesting - 2)).markdown.split('\n')[0], 'intro')
    assert.throws(
      () => htmlToMarkdown(depth(LIMITS.importHtmlNesting)),
      (err: unknown) => {
        assert.ok(err instanceof HtmlTooDeepError)
        assert.equal(err.message, `HTML nested more than ${LIMITS.importHtmlNesting} elements deep, at line 2`)
        return true
      },
    )
  })
})

describe('readSources', () => {
  it('reads an HTML file as one document, its title and <meta>s as a frontmatter block', () => {
    for (const [name, expected] of [
      ['export-page.html', 'export-page.expected.md'],
      ['plain-export.htm', 'plain-export.expected.md'],
    ] as const) {
      const docs = readSources(`kb/${name}`, fixture(name))
      assert.equal(docs.length, 1)
      assert.equal(docs[0]!.sourcePath, `kb/${name}`)
      assert.equal(docs[0]!.markdown, fixture(expected), name)
      assert.equal(docs[0]!.skipped, undefined)
    }
    assert.deepEqual(readSources('kb/plain-export.htm', fixture('plain-export.htm'))[0]!.frontmatter, {
      applies_to: ['Tailspin Backup Agent 7', 'Tailspin Backup Agent 8'],
      date: '2025-11-20',
      title: 'Backup job stops at 0x80070005',
    })
  })

  it('reads a Zendesk articles page as one document per article, and skips a draft with its reason', () => {
    const docs = readSources('export/articles.json', fixture('zendesk-articles.json'))
    const url = 'https://help.example.com/hc/en-us/articles/360041122334-Sync-fails-with-Error-429-Too-Many-Requests'
    const title = 'Sync fails with "Error 429: Too Many Requests"'
    assert.deepEqual(docs, [
      {
        sourcePath: 'zendesk/360041122334-sync-fails-with-error-429-too-many-requests',
        markdown: [
          '---',
          `title: 'Sync fails with "Error 429: Too Many Requests"'`,
          'labels:',
          '  - sync',
          '  - rate limit',
          '  - api',
          'updated: 2026-01-15T09:30:12Z',
          '---',
          '',
          '## Symptoms',
          '',
          'The desktop client stops syncing and its log shows:',
          '',
          '```',
          'HTTP 429 Too Many Requests: retry after 120 seconds',
          '```',
          '',
          '## Cause',
          '',
          'More than 600 requests a minute were sent with the same API token.',
          '',
          '## Resolution',
          '',
          '1. Pause the second client that shares the token.',
          '2. Wait two minutes, then resume sync.',
          '',
        ].join('\n'),
        frontmatter: { title, labels: ['sync', 'rate limit', 'api'], updated: '2026-01-15T09:30:12Z' },
        references: [{ title, url }],
      },
      { sourcePath: 'zendesk/360041122399-draft-new-login-page', markdown: '', skipped: 'a draft: not published in the Help Center' },
    ])
  })

  it('reads a single {"article": ...} and a plain array of articles', () => {
    const article = {
      id: 77,
      title: 'Printer shows “Offline” after sleep',
      body: '<p>Wake it from the panel.</p>',
      html_url: 'ftp://not-a-web-page',
      label_names: ['printing', 3],
    }
    const [single] = readSources('one.json', JSON.stringify({ article }))
    assert.deepEqual(single, {
      sourcePath: 'zendesk/77-printer-shows-offline-after-sleep',
      markdown: '---\ntitle: Printer shows “Offline” after sleep\nlabels:\n  - printing\n---\n\nWake it from the panel.\n',
      frontmatter: { title: 'Printer shows “Offline” after sleep', labels: ['printing'] },
    })
    assert.deepEqual(readSources('many.json', JSON.stringify([article])), [single])
  })

  it('skips JSON that is not an articles response, and says why', () => {
    assert.deepEqual(readSources('data/tickets.json', '{"tickets": [{"id": 1, "subject": "Printer offline"}]}'), [
      { sourcePath: 'data/tickets.json', markdown: '', skipped: 'not a Zendesk articles API response' },
    ])
    assert.deepEqual(readSources('data/empty.json', '{"articles": [], "next_page": null}'), [
      { sourcePath: 'data/empty.json', markdown: '', skipped: 'a Zendesk articles API response with no articles' },
    ])
    const [broken] = readSources('data/broken.json', '{"articles": [')
    assert.equal(broken!.skipped?.startsWith('not valid JSON: '), true)
  })

  it('keeps a Markdown file as written, and names what it reads when given another file', () => {
    const text = '---\ntitle: Disk full\n---\n\n## Symptoms\n\nNo space left on device\n'
    assert.deepEqual(readSources('kb/disk-full.md', text), [{ sourcePath: 'kb/disk-full.md', markdown: text }])
    assert.deepEqual(readSources('kb/disk-full.MARKDOWN', text), [{ sourcePath: 'kb/disk-full.MARKDOWN', markdown: text }])
    assert.deepEqual(readSources('kb/notes.txt', 'plain'), [
      { sourcePath: 'kb/notes.txt', markdown: '', skipped: 'not a source file: the importer reads .md, .markdown, .html, .htm, .json' },
    ])
    assert.deepEqual(SOURCE_EXTENSIONS, ['.md', '.markdown', '.html', '.htm', '.json'])
  })

  it('skips an HTML file nested too deep, with the limit in the reason', () => {
    const html = `<html><body>\n${'<div>'.repeat(LIMITS.importHtmlNesting)}deep${'</div>'.repeat(LIMITS.importHtmlNesting)}</body></html>`
    assert.deepEqual(readSources('kb/deep.html', html), [
      { sourcePath: 'kb/deep.html', markdown: '', skipped: `HTML nested more than ${LIMITS.importHtmlNesting} elements deep, at line 2` },
    ])
  })
})

describe('readZendeskArticles', () => {
  it('reads the API field names, falling back from updated_at to edited_at and from title to name', () => {
    assert.deepEqual(
      readZendeskArticles({
        articles: [
          {
            id: '5',
            name: 'Only a name',
            body: '',
            edited_at: '2026-01-02T00:00:00Z',
            section_id: 9,
            locale: 'de',
            draft: false,
            html_url: 'https://x.example/hc/5',
          },
        ],
      }),
      [
        {
          id: '5',
          title: 'Only a name',
          body: '',
          labels: [],
          draft: false,
          updated: '2026-01-02T00:00:00Z',
          locale: 'de',
          sectionId: '9',
          url: 'https://x.example/hc/5',
        },
      ],
    )
    assert.equal(readZendeskArticles({ articles: [{ id: 1, title: 'No body' }] }), undefined)
    assert.equal(
      zendeskSourcePath({ id: '12', title: 'Ça ne démarre pas: erreur 0x1F', body: '', labels: [], draft: false }),
      'zendesk/12-ca-ne-demarre-pas-erreur-0x1f',
    )
  })
})
