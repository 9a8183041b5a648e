/**
 * `kb report` and `kb draft` (issue 17) against a running `kb serve` with events on (PGlite in a
 * temp KB_DATA_DIR) and the admin token, then against the same database read directly once the
 * server has stopped; the draft is linted, left out of `kb build` and built with --include-drafts.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { writeArtifact } from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/index/build.js'
import { ARTICLES, REPO } from './helpers/kb.js'
import type { Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { makeReport, reportMarkdown } from '../src/cli/report.js'
import type { Gap } from '../src/core/insights/gaps.js'
import type { ArticleFigures } from '../src/runtime/events/insights.js'
import { NODE_FLAGS } from '../src/runtime/memory.js'
import { CLI, freePort, serve, type ServerProcess, waitFor } from './helpers/server.js'
import { tempDir } from './helpers/temp.js'

const TOKEN = 'cli-test-token-9f8e7d6c'
/** The draft's file name: the template's words, its digits too (the port, the same in every question). */
const SLUG = 'psql-error-connection-to-server-at-port-5432-failed-fatal'
const TEST = { timeout: 120_000 }

describe('kb report and kb draft', () => {
  let server: ServerProcess
  let url: string
  let dataDir: string
  let index: string
  let work: string
  const kb = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, LOG_LEVEL: 'silent', KB_ADMIN_TOKEN: '', DATABASE_URL: '', KB_DATA_DIR: dataDir, KB_INDEX: index, ...env },
    })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  before(async () => {
    work = await tempDir('kb-insights-cli-')
    dataDir = path.join(work, 'data')
    index = path.join(work, 'kb.json')
    await writeArtifact(index, (await buildFromFolder(ARTICLES)).bytes)
    server = await serve(index, 'warn', { KB_EVENTS: '1', KB_DATA_DIR: dataDir, KB_ADMIN_TOKEN: TOKEN, KB_QUERY_WORKER: '0' })
    url = `http://127.0.0.1:${server.port}`
    await waitFor(async () => ((await fetch(`${url}/readyz`)).ok ? true : undefined), 30_000)
    const match = async (text: string) =>
      (await (await fetch(`${url}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })).json()) as {
        queryId: string
        noConfidentMatch: boolean
      }
    for (const db of ['orders_2024', 'billing', 'crm']) {
      const m = await match(`psql: error: connection to server at "db-${db}.internal" (10.4.2.17), port 5432 failed: FATAL:  database "${db}" does not exist`)
      assert.equal(m.noConfidentMatch, true)
    }
    // Events are written in batches (about once a second): wait until the gap is read.
    await waitFor(async () => {
      const res = await fetch(`${url}/api/insights/gaps`, { headers: { authorization: `Bearer ${TOKEN}` } })
      const body = (await res.json()) as { gaps: Array<{ count: number }> }
      return body.gaps[0]?.count === 3 ? true : undefined
    }, 60_000) // the first start creates the PGlite database: 15-20 s on a loaded 2-core machine
  })
  after(() => {
    if (server && server.proc.exitCode === null) server.proc.kill('SIGKILL')
  })

  let gapId = ''
  /** The window start `kb report` printed in its draft command. */
  let printedSince = ''

  it('kb report --server: the top gaps, as JSON and as Markdown', TEST, () => {
    const json = kb(['report', '--server', url, '--token', TOKEN, '--since', '7d', '--format', 'json'])
    assert.equal(json.code, 0, json.stderr)
    const report = JSON.parse(json.stdout)
    assert.equal(report.gaps.length, 1)
    assert.equal(report.gaps[0].count, 3)
    assert.equal(report.gaps[0].template, 'psql: error: connection to server at <*> (<ip>), port 5432 failed: FATAL: database <*> does not exist')
    assert.deepEqual(report.oftenRejected, [])
    assert.ok(report.neverFound.length > 0)
    gapId = report.gaps[0].id
    // The token from the environment, Markdown by default.
    const md = kb(['report', '--server', url], { KB_ADMIN_TOKEN: TOKEN })
    assert.equal(md.code, 0, md.stderr)
    assert.match(md.stdout, /^# KB report: the last 7d \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)\n/)
    assert.match(md.stdout, /\n## Top gaps\n/)
    assert.ok(md.stdout.includes(`| 3 | 0 | `), md.stdout)
    // The draft command names the window's start, so that it finds the gap whatever day it is run.
    const command = new RegExp(`\`kb draft --gap ${gapId} --since (\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)\``).exec(md.stdout)
    assert.ok(command, md.stdout)
    printedSince = command[1]!
    assert.ok(Math.abs(Date.parse(printedSince) - (Date.now() - 7 * 86_400_000)) < 60_000, printedSince)
    assert.match(md.stdout, /\n## Articles users often reject\n\nNone\.\n/)
    assert.match(md.stdout, /\n## Articles nobody finds\n\nNever among the results shown in this window \(\d+\):\n\n- `/)
  })

  it('kb draft --server writes the API draft, which lint warns of and build leaves out unless --include-drafts', TEST, async () => {
    const articles = path.join(work, 'articles')
    await mkdir(articles)
    await copyFile(path.join(ARTICLES, 'iis6-connections-refused-nonpaged-pool.md'), path.join(articles, 'iis6-connections-refused-nonpaged-pool.md'))
    const r = kb(['draft', '--gap', gapId, '--since', printedSince, '--server', url, '--token', TOKEN, '--articles', articles])
    assert.equal(r.code, 0, r.stderr)
    const file = path.join(articles, `${SLUG}.md`)
    assert.equal(r.stdout.split('\n')[0]!.startsWith(`Wrote ${file}: a draft (status: draft) for 3 questions like`), true, r.stdout)
    const api = (await (await fetch(`${url}/api/insights/gaps/${gapId}/draft`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      markdown: string
    }
    assert.equal(await readFile(file, 'utf8'), api.markdown)
    const again = kb(['draft', '--gap', gapId, '--server', url, '--token', TOKEN, '--articles', articles])
    assert.equal(again.code, 1)
    assert.equal(again.stderr, `kb draft: cannot write ${file}: it exists already; edit that draft, or move it away first\n`)

    const lint = kb(['lint', '--articles', articles])
    assert.equal(lint.code, 0, lint.stderr)
    assert.match(lint.stderr, new RegExp(`${SLUG}\\.md:\\d+ status: warning: draft: linted, but not built or served`))
    // The KB repository's CI lints with --strict: a fresh draft (no cause yet) passes it, its warnings kept as warnings.
    const strict = kb(['lint', '--articles', articles, '--strict'])
    assert.equal(strict.code, 0, strict.stdout + strict.stderr)
    assert.match(strict.stderr, new RegExp(`${SLUG}\\.md:\\d+ cause: warning: `))
    const out = path.join(work, 'drafts.json')
    assert.match(kb(['build', '--articles', articles, '--out', out]).stdout, /Built .*: 1 articles/)
    assert.match(kb(['build', '--articles', articles, '--out', out, '--include-drafts']).stdout, /Built .*: 2 articles/)
  })

  it('kb serve --include-drafts serves the drafts from a preview build; without it they are not served', TEST, async () => {
    const articles = path.join(work, 'articles')
    const port = await freePort()
    // The preview is built into a kb-drafts-* folder under the server's os.tmpdir() (TMPDIR: `work`,
    // to look for it there), removed when the server ends.
    const preview = spawn(process.execPath, [...NODE_FLAGS, CLI, 'serve', '--include-drafts', '--articles', articles, '--port', String(port)], {
      env: { ...process.env, LOG_LEVEL: 'warn', KB_EVENTS: '0', KB_QUERY_WORKER: '0', KB_INDEX: index, TMPDIR: work },
      stdio: 'ignore',
    })
    try {
      const draft = await waitFor(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/articles/${SLUG}`)
        return res.ok ? ((await res.json()) as { title: string }) : undefined
      }, 30_000)
      assert.match(draft.title, /^psql: error: connection to server at … \(<ip>\)/)
      assert.equal((await readdir(work)).filter((n) => n.startsWith('kb-drafts-')).length, 1)
      const exited = once(preview, 'exit')
      preview.kill('SIGTERM')
      await exited
      assert.deepEqual(
        (await readdir(work)).filter((n) => n.startsWith('kb-drafts-')),
        [],
        'the preview build is removed when the server stops',
      )
    } finally {
      preview.kill('SIGKILL')
    }
    // The server of the published artifact does not know it (and KB_INDEX was not rebuilt).
    assert.equal((await fetch(`${url}/api/articles/${SLUG}`)).status, 404)
  })

  it('refuses a wrong token, an unknown gap and a bad window, one line each', TEST, () => {
    const wrong = kb(['report', '--server', url, '--token', 'wrong'])
    assert.equal(wrong.code, 1)
    assert.match(
      wrong.stderr,
      /^kb report: http:\/\/127\.0\.0\.1:\d+\/api\/insights\/gaps answered 401 KB_UNAUTHORIZED: Insights need Authorization: Bearer <token>/,
    )
    const none = kb(['draft', '--gap', '0000000000000000', '--server', url, '--token', TOKEN, '--articles', work])
    assert.equal(none.code, 1)
    assert.match(
      none.stderr,
      /^kb draft: no gap with id "0000000000000000" since 30d in http:\/\/127\.0\.0\.1:\d+; kb report lists them \(use the --since it prints\), and an id changes when its oldest question leaves the window\n$/,
    )
    // The server has its PGlite folder open: reading it from a second process is refused.
    const busy = kb(['report'])
    assert.equal(busy.code, 1)
    assert.match(
      busy.stderr,
      /^kb report: the events database in .* is open in process \d+: one process per folder \(replicas share a PostgreSQL through DATABASE_URL; read a running server's insights with --server\)/,
    )
    // An unset CI secret is an empty --server: refused, not read as "the local database".
    const empty = kb(['report', '--server', '', '--token', TOKEN])
    assert.deepEqual([empty.code, empty.stderr], [2, 'kb report: --server must be a URL such as http://127.0.0.1:3000, got ""\n'])
    // A service behind a path prefix is asked under it.
    const prefixed = kb(['report', '--server', `${url}/kb`, '--token', TOKEN])
    assert.equal(prefixed.code, 1)
    assert.match(prefixed.stderr, /^kb report: http:\/\/127\.0\.0\.1:\d+\/kb\/api\/insights\/gaps answered 404 /)
    const bad = kb(['report', '--server', url, '--token', TOKEN, '--since', 'forever'])
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /answered 400 KB_INVALID_REQUEST: querystring\/since must be a date/)
  })

  it('reads the events database itself once the server has stopped', TEST, async () => {
    server.proc.kill('SIGTERM')
    assert.equal(await server.exited, 0)
    const r = kb(['report', '--format', 'json', '--since', '1d'])
    assert.equal(r.code, 0, r.stderr)
    const report = JSON.parse(r.stdout)
    assert.equal(report.gaps[0].id, gapId)
    assert.equal(report.gaps[0].count, 3)
    // kb draft from the database writes what the server's API gave; another file (an article, or
    // another gap's draft) with its name is left alone, and the draft named after the gap instead.
    const fromDb = path.join(work, 'from-db')
    await mkdir(fromDb)
    const other = '---\ntitle: "Another article"\n---\n'
    await writeFile(path.join(fromDb, `${SLUG}.md`), other)
    const d = kb(['draft', '--gap', gapId, '--since', '1d', '--articles', fromDb])
    assert.equal(d.code, 0, d.stderr)
    const own = path.join(fromDb, `${SLUG}-${gapId.slice(0, 12)}.md`)
    assert.ok(d.stdout.startsWith(`Wrote ${own}: `), d.stdout)
    assert.equal(await readFile(own, 'utf8'), await readFile(path.join(work, 'articles', `${SLUG}.md`), 'utf8'))
    assert.equal(await readFile(path.join(fromDb, `${SLUG}.md`), 'utf8'), other)
    // Once written, that gap's draft is not written twice.
    const twice = kb(['draft', '--gap', gapId, '--since', '1d', '--articles', fromDb])
    assert.deepEqual([twice.code, twice.stderr], [1, `kb draft: cannot write ${own}: it exists already; edit that draft, or move it away first\n`])
    // Without the KB's artifact the report would call every article found: refused, saying why.
    const noIndex = kb(['report', '--since', '1d'], { KB_INDEX: path.join(work, 'missing.json') })
    assert.equal(noIndex.code, 1)
    assert.match(
      noIndex.stderr,
      /^kb report: cannot read the KB's artifact .*missing\.json \(.*\): the products of a gap's codes and the articles nobody finds come from it/,
    )
    const bad = kb(['report', '--since', 'forever'])
    assert.deepEqual(
      [bad.code, bad.stderr],
      [2, 'kb report: --since must be a date (2026-11-01), an ISO time (2026-11-01T08:00:00Z) or a span before now (24h, 7d, 2w), got "forever"\n'],
    )
    // A well-formed window outside the range says the range.
    const future = kb(['report', '--since', '2999-01-01'])
    assert.deepEqual(
      [future.code, future.stderr],
      [2, 'kb report: --since must be at most ten years (3650d) before now, and not after now, got "2999-01-01"\n'],
    )
  })
})

describe('the report as Markdown', () => {
  const gap = (template: string, extra: Partial<Gap> = {}): Gap => ({
    id: '00000000000000aa',
    template,
    count: 2,
    firstSeen: '2026-11-25T10:00:00.000Z',
    lastSeen: '2026-11-30T10:00:00.000Z',
    example: 'x',
    codes: ['0x80070005'],
    products: ['IIS <10>'],
    rejected: 1,
    ...extra,
  })
  const figures = (title: string): ArticleFigures => ({
    id: 'a',
    title,
    inKb: true,
    impressions: 40,
    opens: 12,
    ctr: 0.3,
    meanPosition: 1.5,
    solved: 1,
    notRelated: 4,
    relatedNotSolved: 1,
    helpfulRatio: 0.1667,
    uses: 0,
    oftenRejected: true,
    neverFound: false,
  })
  const window = { since: '2026-11-24T12:00:00.137Z', until: '2026-12-01T12:00:00.000Z' }
  const report = (gaps: Gap[], articles: ArticleFigures[] = []) =>
    reportMarkdown(makeReport({ window, questions: gaps.length * 2, overflow: 0, total: gaps.length, gaps }, articles, 100), '7d')

  /** The rows of each table of some Markdown as GFM reads it: each cell's text, and the kinds of node in it. */
  function tables(md: string): Array<Array<Array<{ text: string; kinds: string[] }>>> {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md)
    const out: Array<Array<Array<{ text: string; kinds: string[] }>>> = []
    visit(tree, 'table', (table: Table) => {
      out.push(
        table.children.map((row) =>
          row.children.map((c) => {
            // A cell's text as a reader sees it: the text between the <code> tags, decoded.
            const nodes = c.children.filter((n) => n.type !== 'html' || !/^<\/?code>$/.test(n.value))
            return { text: nodes.map((n) => toString(n)).join(''), kinds: [...new Set(nodes.map((n) => n.type))] }
          }),
        ),
      )
    })
    return out
  }

  it('keeps every row to its cells and shows each template exactly, whatever it holds', () => {
    const templates = [
      'grep: a\\|b failed | x',
      'a\\\\|b and a\\\\\\|c',
      'ends with a backslash \\',
      'HRESULT: 0x80070005 | Access `is` denied for <user>',
      '`tick` and ``double`` and ends with tick`',
      '<script>alert(1)</script> <img src=x onerror=alert(1)>',
      '*not* _emphasis_ **bold** ~~struck~~ ~x~',
      '[a link](https://example.com) ![image](x.png) [ref][1]',
      'https://example.com/x www.example.com user@example.com mailto:x@y.z',
      '&amp; &#124; &lt;b&gt; &copy',
      'C:\\Program Files\\App|x\\app.exe :smile: $x$ ${HOME} %PATH% #1 @user',
      'a | b | c | d | e | f | g | h',
      '| starts and ends with a pipe |',
      'line one\nline two\tand a tab\u2028and a separator',
    ]
    const md = report(
      templates.map((t, i) => gap(t, { id: `00000000000000${i.toString(16).padStart(2, '0')}`, codes: ['a|b\\', '`c`'], products: ['P|Q', '<x> & *y*'] })),
    )
    const [gaps] = tables(md)
    assert.equal(gaps!.length, templates.length + 1)
    gaps!.forEach((row, i) => assert.equal(row.length, 7, `row ${i}: ${JSON.stringify(row)}`))
    templates.forEach((t, i) => {
      const [, , , template, codes, products] = gaps![i + 1]!
      // One code span, or text in <code> (and the links GFM makes of URLs in any text): no emphasis, image, link syntax or HTML taken from the template.
      assert.equal(template!.text, t.replace(/\s+/g, ' ').trim())
      assert.ok(template!.kinds.join() === 'inlineCode' || template!.kinds.every((k) => k === 'text' || k === 'link'), `${t}: ${template!.kinds.join()}`)
      assert.deepEqual(codes, { text: 'a|b\\, `c`', kinds: ['text'] })
      assert.deepEqual(products, { text: 'P|Q, <x> & *y*', kinds: ['text'] })
    })
    // Article titles are cells too.
    const [articles] = tables(report([], [figures('Title | with <b>tags</b> and \\| *stars*')]))
    assert.equal(articles![1]!.length, 6)
    assert.equal(articles![1]![0]!.text, 'a Title | with <b>tags</b> and \\| *stars*')
  })

  it('stays under an issue body’s 65,536 characters with every list at its longest', () => {
    const worst = (i: number) => gap(`${'|'.repeat(150)} ${i}`, { id: i.toString(16).padStart(16, '0'), codes: ['|'.repeat(200)], products: ['&'.repeat(200)] })
    const many = Array.from({ length: 5000 }, (_, i) => ({
      ...figures('|'.repeat(200)),
      id: `article-${i}`,
      neverFound: i % 2 === 0,
      oftenRejected: i % 2 === 1,
    }))
    const md = report(
      Array.from({ length: 100 }, (_, i) => worst(i)),
      many,
    )
    assert.ok(md.length < 65_536, String(md.length))
    assert.match(md, /\n\d+ more gaps: `kb report --format json` lists them\.\n/)
    assert.match(md, /\n\d+ more: `kb report --format json` lists them\.\n/)
    assert.match(md, /\n- and \d+ more: `kb report --format json` lists them\.\n$/)
    assert.match(md, /Never among the results shown in this window \(2500\):/)
    // The tables GFM reads are still whole rows.
    for (const table of tables(md)) for (const row of table.slice(1)) assert.ok(row.length >= 6)
  })

  it('says "since" for a window given as a date or a time', () => {
    const md = reportMarkdown(makeReport({ window, questions: 0, overflow: 0, total: 0, gaps: [] }, [], 10), '2026-11-24')
    assert.ok(md.startsWith('# KB report: since (2026-11-24 to 2026-12-01)\n'), md)
  })

  it('prints the window start in the draft command, and cuts long templates to one line', () => {
    const md = report([gap(`HRESULT: 0x80070005 ${'x'.repeat(200)}`)], [figures('Title')])
    assert.ok(md.startsWith('# KB report: the last 7d (2026-11-24 to 2026-12-01)\n'), md)
    assert.ok(md.includes('| `kb draft --gap 00000000000000aa --since 2026-11-24T12:00:00.137Z` |'), md)
    const [gaps] = tables(md)
    assert.equal(gaps![1]![3]!.text, `HRESULT: 0x80070005 ${'x'.repeat(139)}…`)
    assert.match(md, /## Articles nobody finds\n\nNone: every article was among the results of a question\.\n$/)
  })
})
