import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { Command } from 'commander'
import { loadArticles, parseArticle } from '../src/build/content/load.js'
import type { ArticleSource } from '../src/build/content/schema.js'
import { registerImportCommand } from '../src/build/import/command.js'
import { convertArticle, idFromPath, importFolder } from '../src/build/import/import.js'
import { headingSymptoms } from '../src/build/import/split.js'
import { ImportMapError, type ImportSettings, parseImportMap, readImportMap, resolveSettings } from '../src/build/import/settings.js'
import { LIMITS } from '../src/limits.js'
import { corporaDir } from './helpers/corpora.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'import')
const CORPORA = corporaDir()

const temps: string[] = []
const tempDir = async (): Promise<string> => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'kb-import-'))
  temps.push(d)
  return d
}
after(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true })
})

/** Convert a fixture and parse the result back with the project's validator. */
async function convertFixture(name: string, sourcePath: string, settings?: ImportSettings): Promise<{ article: ArticleSource; notes: string[]; text: string }> {
  const markdown = await readFile(path.join(FIXTURES, 'convert', name), 'utf8')
  const result = convertArticle(markdown, sourcePath, settings ? { settings } : {})
  assert.equal(result.skipped, undefined, `unexpectedly skipped: ${result.skipped}`)
  assert.ok(result.article)
  const parsed = parseArticle(result.article, `${result.id}.md`)
  // An article without a cause lints with a warning (cause is optional); nothing else may be reported.
  assert.deepEqual(
    parsed.problems.filter((p) => !(p.field === 'cause' && p.severity === 'warning')),
    [],
  )
  assert.ok(parsed.article)
  return { article: parsed.article, notes: result.notes, text: result.article }
}

/** The fields a converter decides, without the loader's bookkeeping. */
const fields = (a: ArticleSource) => ({
  id: a.id,
  title: a.title,
  products: a.products,
  tags: a.tags,
  errorCodes: a.errorCodes,
  symptoms: a.symptoms,
  environment: a.environment,
  cause: a.cause,
  resolution: a.resolution,
  references: a.references,
  updated: a.updated,
  body: a.body.trim(),
})

describe('idFromPath', () => {
  it('lowercases the base name and turns every run of other characters into one "-"', () => {
    assert.equal(idFromPath('docs/errors/mssqlserver-18456-database-engine-error.md'), 'mssqlserver-18456-database-engine-error')
    assert.equal(idFromPath('site-behavior-performance/http-error-500-19-webpage.md'), 'http-error-500-19-webpage')
    assert.equal(idFromPath('x/MSSQLSERVER_-2  Timeout!.MD'), 'mssqlserver-2-timeout')
    assert.equal(idFromPath('__.md'), '')
  })

  it('keeps ids within the limit, cut after a whole word', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join('-')
    const id = idFromPath(`docs/${words}.md`)
    assert.ok(id.length <= LIMITS.articleIdChars, `${id.length} characters`)
    assert.ok(words.startsWith(`${id}-`), id)
    assert.equal(idFromPath(`${'x'.repeat(150)}.md`), 'x'.repeat(LIMITS.articleIdChars))
  })
})

describe('convertArticle: support-article style', () => {
  it('maps Symptoms/Cause/Resolution, lifts the product version line, strips docs syntax', async () => {
    const { article, notes, text } = await convertFixture('support-basic.md', 'iis/health/support-basic.md')
    assert.deepEqual(fields(article), {
      id: 'support-basic',
      title: 'Widget service returns HTTP Error 503.2 after an update',
      products: ['Widget Server', 'Windows Server'],
      tags: ['health'],
      errorCodes: ['503.2', 'Event ID 5117', '0x80070057'],
      symptoms: [
        'After you install update 4.1, requests to the Widget service fail. The browser shows the following message:',
        'HTTP Error 503.2 - Service Unavailable\nThe serverRuntime@appConcurrentRequestLimit setting is being exceeded.',
        'The Widget Pool stops after a few minutes.',
        'Event ID 5117 is logged.',
        'WidgetHost.exe: request queue full (0x80070057)',
      ],
      environment: ['Widget Server 4.0, 4.1', 'Windows Server 2022'],
      cause: 'The update lowers the default `appConcurrentRequestLimit` to 100. See Request limits.',
      resolution: [
        '**Method 1: Raise the limit**',
        '',
        '1. Open *widget.config*.',
        '1. Set `appConcurrentRequestLimit` to `5000`.',
        '',
        '**Method 2: Remove the update**',
        '',
        'Uninstall update 4.1. For details, see [the update page](https://example.com/widget/updates).',
      ].join('\n'),
      references: [],
      updated: '2024-03-07',
      body: [
        '**HTTP Error 503.2 - Service Unavailable from the Widget service**',
        '',
        'This article helps you fix an error that the Widget service returns after an update.',
        '',
        '_Original KB number:_ &nbsp; 1234567',
        '',
        '> **Note**',
        "> The problem doesn't occur on servers that don't run the update.",
        '',
        '(Image: Screenshot of the 503.2 error page.)',
        '',
        '## More information',
        '',
        'The limit applies per worker process.',
        '',
        'Source: `iis/health/support-basic.md`',
      ].join('\n'),
    })
    assert.deepEqual(notes, ['dropped an include the importer cannot expand: [!INCLUDE [Registry warning](../../includes/registry-warning.md)]'])
    for (const docsSyntax of [':::', '[!NOTE]', '[!INCLUDE', '<a name', '../limits/']) assert.ok(!text.includes(docsSyntax), docsSyntax)
  })

  it('reads bare "Cause" / "**Resolution**" paragraphs under per-error headings; environment from a folder the profile names', async () => {
    const { article, notes } = await convertFixture('pseudo-headings.md', 'webapps/iis/config/pseudo-headings.md', resolveSettings({ profile: 'msdocs' }))
    assert.deepEqual(fields(article), {
      id: 'pseudo-headings',
      title: 'HTTP Error 500.19 when the configuration is invalid',
      products: ['Internet Information Services (IIS)'],
      tags: ['config'],
      errorCodes: ['500.19', '0x8007000d', '0x80070005'],
      symptoms: [
        'HRESULT code 0x8007000d',
        'HTTP Error 500.19 - Internal Server Error\nHRESULT: 0x8007000d',
        'HRESULT code 0x80070005',
        'HTTP Error 500.19 - Internal Server Error\nHRESULT: 0x80070005',
      ],
      environment: ['Internet Information Services (IIS)'],
      cause: [
        '**HRESULT code 0x8007000d**',
        '',
        "A section in *web.config* belongs to a module that isn't installed.",
        '',
        '**HRESULT code 0x80070005**',
        '',
        "The worker process identity can't read *web.config*.",
      ].join('\n'),
      resolution: [
        '**HRESULT code 0x8007000d**',
        '',
        'Install the module, or remove the section.',
        '',
        '**HRESULT code 0x80070005**',
        '',
        'Grant read access on the folder to the application pool identity.',
      ].join('\n'),
      references: [],
      updated: undefined,
      body: 'Check the section that matches the HRESULT code you see.\n\nSource: `webapps/iis/config/pseudo-headings.md`',
    })
    assert.deepEqual(notes, ['no "Applies to"/product version line; environment derived from the folder: Internet Information Services (IIS)'])
  })

  it('splits | **Symptoms** | **Root cause** | **Fix/Workaround** | tables per problem heading', async () => {
    const { article } = await convertFixture('role-table.md', 'gizmo/role-table.md')
    assert.deepEqual(fields(article), {
      id: 'role-table',
      title: 'Common Gizmo Sync problems',
      products: ['Gizmo Sync'],
      tags: ['gizmo'],
      errorCodes: ['ERROR_GIZMO_NOCONFIG'],
      symptoms: ["Agent doesn't start", 'The agent stops with ERROR_GIZMO_NOCONFIG.', 'Agent is slow', 'Syncs take hours.'],
      environment: ['Gizmo Sync 2'],
      cause: "**Agent doesn't start**\n\nThe configuration file is missing.\n\n**Agent is slow**\n\nUnknown",
      resolution:
        "**Agent doesn't start**\n\nRun `gizmo init`.\nThen start the agent again.\n\n**Agent is slow**\n\n- Exclude the cache folder from scanning.\n- Upgrade to 2.1.",
      references: [],
      updated: undefined,
      body: 'Source: `gizmo/role-table.md`',
    })
  })

  it('falls back to the Summary for symptoms and to a "This problem occurs because" sentence for the cause', async () => {
    const { article, notes } = await convertFixture('summary-and-causal.md', 'gadget/summary-and-causal.md')
    assert.deepEqual(article.symptoms, ['Gadget sync stops every night at 00:00 and resumes an hour later.'])
    assert.equal(article.cause, 'This problem occurs because the nightly maintenance job locks the sync database.')
    assert.equal(
      article.resolution,
      'This problem occurs because the nightly maintenance job locks the sync database. To fix it, move the maintenance job to another hour.',
    )
    assert.deepEqual(article.environment, ['Internet Information Services (IIS)'])
    assert.deepEqual(notes, [
      'no Cause section; cause taken from a sentence in section "Resolution"',
      'no Symptoms section; the first paragraph of "Summary" is the symptom',
      'no "Applies to"/product version line; environment is the product named in frontmatter: Internet Information Services (IIS)',
    ])
  })

  it('uses a title that names the error as the symptom when there is no Symptoms section', async () => {
    const { article, notes } = await convertFixture('title-symptom.md', 'title-symptom.md')
    assert.equal(article.title, 'Error 0x80004005 when the gadget registers')
    assert.deepEqual(article.symptoms, ['Error 0x80004005 when the gadget registers'])
    assert.deepEqual(article.errorCodes, ['0x80004005'])
    assert.deepEqual(article.tags, [])
    assert.deepEqual(notes, ['no Symptoms section; the title is the symptom'])
  })

  it('imports an article with no cause without inventing one (cause is optional), and says so', async () => {
    const { article, notes, text } = await convertFixture('no-cause.md', 'no-cause.md')
    assert.equal(article.cause, undefined)
    assert.ok(!/^cause:/m.test(text), 'no empty cause field')
    assert.deepEqual(
      parseArticle(text, 'no-cause.md').problems.map((p) => [p.field, p.severity]),
      [['cause', 'warning']],
    )
    assert.equal(article.resolution, 'Resize the window.')
    assert.deepEqual(notes, ['no cause: no Cause section and no sentence saying why the problem occurs; the article has none'])
  })

  it('skips a source nested too deeply to parse, at once', () => {
    const started = Date.now()
    const list = Array.from({ length: 800 }, (_, i) => `${'  '.repeat(i)}- step`).join('\n')
    assert.deepEqual(convertArticle(`# Deep\n\n## Cause\n\n${'>'.repeat(3000)} x\n\n## Resolution\n\n${list}\n`, 'deep.md'), {
      id: 'deep',
      articles: [],
      skipped: `Markdown nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items), at line 5`,
      notes: [],
    })
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`)
  })

  it('reads a source frontmatter with a YAML tag such as !!js/function without printing a warning', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.message)
    process.on('warning', onWarning)
    try {
      const source =
        '---\ntitle: !!js/function "function () {}"\n---\n# Gadget fails\n\n## Symptoms\n\nIt fails.\n\n## Cause\n\nA bug.\n\n## Resolution\n\nUpdate it.\n'
      assert.equal(convertArticle(source, 'gadget/gadget-fails.md').id, 'gadget-fails')
    } finally {
      await new Promise((r) => setImmediate(r))
      process.off('warning', onWarning)
    }
    assert.deepEqual(warnings, [])
  })

  it('skips README-type files', async () => {
    const markdown = await readFile(path.join(FIXTURES, 'convert', 'README.md'), 'utf8')
    assert.equal(convertArticle(markdown, 'README.md').skipped, 'not an article (a README/PROVENANCE/TOC-style notes file)')
  })

  it('writes YAML that reads back as the same strings, whatever they look like', () => {
    const tricky = [
      'yes',
      'key: value',
      '500.19',
      '0x8007000d',
      '@at the start',
      '"double" and \'single\'',
      '{brace} [bracket]',
      '%.*ls and %d',
      '- dash',
      'null',
      '~',
      '# not a comment',
    ]
    const markdown = [
      '# Tricky strings break the parser',
      '',
      '_Applies to:_ &nbsp; Parser 1.0: "beta"',
      '',
      '## Symptoms',
      '',
      ...tricky.map((t) => `- ${t.replace(/^([-#])/, '\\$1').replace(/([[\]*])/g, '\\$1')}`),
      '',
      '## Cause',
      '',
      'Line one  ',
      'line two with a hard break before it.',
      '',
      '## Resolution',
      '',
      '```yaml',
      'key: value',
      '---',
      '```',
    ].join('\n')
    const result = convertArticle(markdown, 'tricky.md')
    assert.ok(result.article, result.skipped)
    const { article, problems } = parseArticle(result.article, 'tricky.md')
    assert.deepEqual(problems, [])
    assert.deepEqual(article?.symptoms, tricky)
    assert.deepEqual(article?.environment, ['Parser 1.0: "beta"'])
    assert.equal(article?.cause, 'Line one  \nline two with a hard break before it.')
    assert.equal(article?.resolution, '```yaml\nkey: value\n---\n```')
  })
})

describe('convertArticle: error-reference style', () => {
  it('maps the Details table, Explanation and User Action; message text stays verbatim', async () => {
    const { article, notes } = await convertFixture(
      'mssqlserver-50001-database-engine-error.md',
      'docs/errors-events/mssqlserver-50001-database-engine-error.md',
    )
    assert.deepEqual(fields(article), {
      id: 'mssqlserver-50001-database-engine-error',
      title: 'MSSQLSERVER_50001',
      products: ['SQL Server', 'Azure SQL Database', 'Azure SQL Managed Instance'],
      tags: ['errors-events'],
      errorCodes: ['50001', 'WIDGET_LOCK_TIMEOUT'],
      symptoms: ["Widget lock on '%.*ls' timed out after %d ms for user '<user_name>'.%.*ls", 'Error 50001', 'WIDGET_LOCK_TIMEOUT'],
      environment: ['SQL Server', 'Azure SQL Database', 'Azure SQL Managed Instance'],
      cause: 'The SQL Server widget manager could not get a lock in time.\n\n**Possible causes**\n\n- Another session holds the widget lock.',
      resolution: 'Find the blocking session with `sp_who2` and end it.',
      references: [],
      updated: '2021-11-02',
      body: [
        '## Details',
        '',
        '| Attribute | Value |',
        '| :-------- | :---- |',
        '|Product Name|SQL Server|',
        '|Event ID|50001|',
        '|Event Source|MSSQLSERVER|',
        '|Component|SQLEngine|',
        '|Symbolic Name|WIDGET_LOCK_TIMEOUT|',
        "|Message Text|Widget lock on '%.*ls' timed out after %d ms for user '*user_name*'.%.\\*ls|",
        '',
        '## See Also',
        '',
        'Widget locks',
        '',
        'Source: `docs/errors-events/mssqlserver-50001-database-engine-error.md`',
      ].join('\n'),
    })
    assert.deepEqual(notes, [])
  })

  it('uses the message text as the cause when only a User Action is given', () => {
    const markdown = [
      '# MSSQLSERVER_50003',
      '',
      '| Attribute | Value |',
      '| --- | --- |',
      '| Product Name | SQL Server |',
      '| Event ID | 50003 |',
      '| Symbolic Name | |',
      '| Message Text | Gadget option %ls must be specified with PARTITION=ALL. |',
      '',
      '## User Action',
      '',
      'Add PARTITION=ALL to the statement.',
    ].join('\n')
    const result = convertArticle(markdown, 'errors/mssqlserver-50003-database-engine-error.md')
    assert.ok(result.article, result.skipped)
    const { article } = parseArticle(result.article, 'x.md')
    assert.equal(article?.cause, 'The message text states the condition:\n\n```text\nGadget option %ls must be specified with PARTITION=ALL.\n```')
    assert.deepEqual(article?.symptoms, ['Gadget option %ls must be specified with PARTITION=ALL.', 'Error 50003'])
    assert.deepEqual(article?.errorCodes, ['50003'])
    assert.deepEqual(result.notes, ['no Explanation section; the cause is the message text'])
  })

  it('skips a page whose Explanation and User Action are empty', async () => {
    const markdown = await readFile(path.join(FIXTURES, 'convert', 'empty-sections.md'), 'utf8')
    assert.deepEqual(convertArticle(markdown, 'empty-sections.md'), {
      id: 'empty-sections',
      articles: [],
      skipped: 'no resolution: the User Action section is empty or missing',
      notes: [],
    })
  })
})

describe('convertArticle: any heading-structured KB', () => {
  it('reads the environment from a frontmatter appliesto list, and Problem / Reason / Solution sections', async () => {
    const { article, notes } = await convertFixture('appliesto-problem-solution.md', 'mail/appliesto-problem-solution.md')
    assert.deepEqual(article.environment, ['Frobnicator Mail Relay 2019', 'Frobnicator Mail Relay 2016'])
    assert.deepEqual(article.products, ['Frobnicator Mail Relay'])
    assert.deepEqual(article.symptoms, [
      "A printer that sends scans by e-mail through the relay gets no mail through. The relay's protocol log shows:",
      '550 5.7.1 Unable to relay for scans@example.net',
    ])
    assert.equal(
      article.cause,
      'The receive connector that the printer reaches accepts mail only from authenticated senders, and the printer signs in anonymously.',
    )
    assert.match(article.resolution, /^1\. Create a receive connector/)
    assert.deepEqual(notes, [
      'no "Applies to"/product version line; environment is the product named in frontmatter: Frobnicator Mail Relay 2019, Frobnicator Mail Relay 2016',
    ])
  })

  it('splits a page whose headings name problems into one article per problem; a problem without a fix is skipped with that reason', async () => {
    const markdown = await readFile(path.join(FIXTURES, 'split', 'widget_runner', 'runner_troubleshooting.md'), 'utf8')
    const result = convertArticle(markdown, 'widget_runner/runner_troubleshooting.md')
    assert.equal(result.skipped, undefined)
    const page = 'runner-troubleshooting'
    assert.deepEqual(result.problems, [
      {
        heading: 'Error: widget-runner: cannot reach coordinator at tcp://coord:7000',
        id: `${page}-error-widget-runner-cannot-reach-coordinator-at-tcp-coord-7000`,
      },
      { heading: '413 Payload Too Large error when uploading job artifacts', id: `${page}-413-payload-too-large-error-when-uploading-job-artifacts` },
      { heading: 'Jobs stay queued and never start', id: `${page}-jobs-stay-queued-and-never-start` },
      {
        heading: 'Message: stale lock file found',
        id: `${page}-message-stale-lock-file-found`,
        skipped: 'no fix: the section says what happens but not what to do (no steps, commands or settings)',
      },
    ])
    const parsed = result.articles.map((a) => parseArticle(a.article, `${a.id}.md`))
    for (const p of parsed)
      assert.deepEqual(
        p.problems.filter((x) => x.severity === 'error'),
        [],
      )
    const [refused, payload, queued] = parsed.map((p) => p.article!)
    assert.equal(refused?.title, 'Error: widget-runner: cannot reach coordinator at tcp://coord:7000')
    assert.deepEqual(refused?.symptoms, [
      'widget-runner: cannot reach coordinator at tcp://coord:7000',
      'widget-runner: cannot reach coordinator at tcp://coord:7000 (connection refused)',
    ])
    assert.equal(refused?.cause, 'This error occurs because the coordinator listens with TLS by default since version 3.')
    assert.equal(refused?.resolution, "Set `COORD_TLS=0` in the runner's environment, or point the runner at port 7443.")
    assert.deepEqual(refused?.environment, ['Widget runner'], "the folder's name, humanized")
    assert.deepEqual(refused?.products, [], 'a folder name is no product')
    assert.deepEqual(refused?.tags, ['widget-runner'])
    assert.match(refused?.body ?? '', /From the page "Troubleshooting the Widget runner"\. Source: `widget_runner\/runner_troubleshooting\.md`/)
    assert.deepEqual(payload?.symptoms, ['413 Payload Too Large', '413 Payload Too Large error when uploading job artifacts'])
    assert.match(payload?.resolution ?? '', /```toml\n\[upload\]\nmax_body = "500MB"\n```/)
    assert.equal(payload?.cause, undefined)
    assert.deepEqual(queued?.symptoms, ['Jobs stay queued and never start'])
    assert.ok(!result.articles.some((a) => /debug/i.test(a.title)), 'a section that explains how to do something ("Enable debug logging") is no problem')
    assert.ok(
      result.notes.includes(`warning: nothing names the environment; it is the folder's name, "Widget runner" (say it with --environment or the map file)`),
    )
  })

  it('reads "**Issue:**" / "**Possible cause:**" / "**Recommended solution:**" labels in a page of problems; "None" is no fix', async () => {
    const markdown = await readFile(path.join(FIXTURES, 'split', 'gizmo_build', 'troubleshooting-builds.md'), 'utf8')
    const result = convertArticle(markdown, 'gizmo_build/troubleshooting-builds.md')
    const page = 'troubleshooting-builds'
    assert.deepEqual(result.problems, [
      { heading: 'Error: "ARTIFACT_UPLOAD_DENIED" when a build ends', id: `${page}-error-artifact-upload-denied-when-a-build-ends` },
      { heading: 'Cache restores take longer than the build', id: `${page}-cache-restores-take-longer-than-the-build` },
      {
        heading: 'Builds run as the admin user',
        id: `${page}-builds-run-as-the-admin-user`,
        skipped: 'no fix: the section says what happens but not what to do (no steps, commands or settings)',
      },
      // Beside problems, a heading that states something is one too.
      { heading: "Worker tags must match the project's tags", id: `${page}-worker-tags-must-match-the-project-s-tags` },
    ])
    const [denied, cache] = result.articles.map((a) => parseArticle(a.article, `${a.id}.md`).article!)
    assert.deepEqual(denied?.symptoms, [
      'ARTIFACT_UPLOAD_DENIED',
      'Error: "ARTIFACT_UPLOAD_DENIED" when a build ends',
      'The build succeeds, then the upload step fails with ARTIFACT_UPLOAD_DENIED: role gizmo-builder cannot write to bucket.',
    ])
    assert.equal(denied?.cause, 'The build role has no write permission on the artifact bucket\\.')
    assert.equal(denied?.resolution, 'Give the build role write access to the bucket, then run the build again\\.')
    assert.match(cache?.resolution ?? '', /^Keep the cache under 1 GB\\\. Exclude the `node_modules\/\.cache` folder:\n\n```\ncache:/)
  })

  it('splits a page of problems whose how-to sections start with a field word ("Fix incorrect ..."); a bare "Resolution" keeps the page whole', () => {
    const problems = [
      '# Widget queue problems',
      '## Error: `queue full: 500 items waiting`',
      'The queue holds 500 items at most. Raise `max_items` in `queue.toml` and restart the worker.',
      '## Worker fails to start with `port 7001 in use`',
      'Another process holds the port. Stop it, or set `port` to a free port.',
    ]
    const howTo = ['## Fix incorrect queue counters', 'Run `widget queue recount` to count the items again.']
    const split = convertArticle([...problems, ...howTo].join('\n\n'), 'widget/queue-problems.md')
    assert.deepEqual(
      split.articles.map((a) => a.id),
      ['queue-problems-error-queue-full-500-items-waiting', 'queue-problems-worker-fails-to-start-with-port-7001-in-use'],
    )
    const whole = convertArticle([...problems, '## Resolution', 'Restart the worker.'].join('\n\n'), 'widget/queue-problems.md')
    assert.deepEqual(
      whole.articles.map((a) => a.id),
      ['queue-problems'],
    )
  })

  it('takes a rule the reader is to follow ("Only start ...", "To remove the warning, ...") as a fix; the sentence before it that says why is the cause', () => {
    const page = [
      '# Widget worker problems',
      '## `lock held by another worker`',
      'Two workers on one host share the lock file. Only start one worker per host.',
      '## `queue full` error',
      'The queue is full. The worker writes this message and waits.',
      '## `cache index stale` warning',
      'This warning is harmless and occurs because the index is rebuilt at night. To remove the warning, delete the `cache/index` folder.',
    ].join('\n\n')
    const result = convertArticle(page, 'widget/worker-problems.md')
    assert.deepEqual(
      result.problems?.map((p) => [p.id, p.skipped !== undefined]),
      [
        ['worker-problems-lock-held-by-another-worker', false],
        ['worker-problems-queue-full-error', true],
        ['worker-problems-cache-index-stale-warning', false],
      ],
    )
    const stale = parseArticle(result.articles[1]!.article, 'x.md').article
    assert.equal(stale?.cause, 'This warning is harmless and occurs because the index is rebuilt at night.')
    assert.equal(stale?.resolution, 'To remove the warning, delete the `cache/index` folder.')
  })

  it('takes the quoted error of a heading as a symptom, not a quoted file name', () => {
    assert.deepEqual(headingSymptoms('500 error when editing the widget.yml file', '`500` error when editing the `widget.yml` file'), [
      '500',
      '500 error when editing the widget.yml file',
    ])
    assert.deepEqual(headingSymptoms('Error: "QUEUE_FULL" when a job starts', 'Error: "QUEUE\\_FULL" when a job starts'), [
      'QUEUE_FULL',
      'Error: "QUEUE_FULL" when a job starts',
    ])
    assert.deepEqual(headingSymptoms('Error: widget: cannot open socket', 'Error: `widget: cannot open socket`'), ['widget: cannot open socket'])
    assert.deepEqual(headingSymptoms('Jobs hang after widget queue drain --all', 'Jobs hang after `widget queue drain --all`'), [
      'Jobs hang after widget queue drain --all',
    ])
    assert.deepEqual(headingSymptoms('Jobs hang when the cache is in widget.yml', 'Jobs hang when the cache is in `widget.yml`'), [
      'Jobs hang when the cache is in widget.yml',
    ])
  })

  it("keeps a sub-heading that quotes its problem's error again inside that problem, not as a problem of its own", () => {
    const markdown = [
      '# Troubleshoot report server problems',
      '',
      '## Subscriptions fail with "The report server cannot open a connection to the report server database"',
      '',
      'Every scheduled delivery stops and the execution log shows the error rsReportServerDatabaseUnavailable.',
      '',
      '### Troubleshooting `The report server cannot open a connection to the report server database` errors',
      '',
      'Check that the service account still has a login on the database server, then restart the service.',
      '',
      '## Export to Excel fails with "Maximum request length exceeded"',
      '',
      'Raise `maxRequestLength` in the web.config of the report server.',
    ].join('\n')
    const result = convertArticle(markdown, 'reports/troubleshoot-report-server.md')
    assert.deepEqual(
      result.problems?.map((p) => p.heading),
      [
        'Subscriptions fail with "The report server cannot open a connection to the report server database"',
        'Export to Excel fails with "Maximum request length exceeded"',
      ],
    )
    const first = parseArticle(result.articles[0]!.article, 'x.md').article
    assert.match(first?.resolution ?? '', /service account still has a login/, 'the sub-section is the fix of the problem above it')
  })

  it('keeps the id of its file name for a page that holds a single problem', async () => {
    const markdown = await readFile(path.join(FIXTURES, 'split', 'widget_runner', 'cache-upload-fails.md'), 'utf8')
    const result = convertArticle(markdown, 'widget_runner/cache-upload-fails.md')
    assert.deepEqual(
      result.articles.map((a) => a.id),
      ['cache-upload-fails'],
    )
    const article = parseArticle(result.article!, 'cache-upload-fails.md').article
    assert.deepEqual(article?.symptoms, ['cache upload: bucket widget-cache not found', 'WARNING: cache upload: bucket widget-cache not found'])
    assert.equal(article?.resolution, 'Create the bucket before the first job runs, or set `CACHE_BUCKET` to a bucket that exists.')

    // A folder that only says where files are kept ("doc_source", "docs", "en-us") names neither the environment nor the tag.
    const nested = parseArticle(convertArticle(markdown, 'widget_runner/doc_source/cache-upload-fails.md').article!, 'x.md').article
    assert.deepEqual([nested?.environment, nested?.tags], [['Widget runner'], ['widget-runner']])
  })

  it('does not split with --split never, and splits what reads as one support article only with --split always', async () => {
    const markdown = await readFile(path.join(FIXTURES, 'split', 'widget_runner', 'runner_troubleshooting.md'), 'utf8')
    const never = convertArticle(markdown, 'widget_runner/runner_troubleshooting.md', { settings: resolveSettings({}, { split: 'never' }) })
    assert.match(never.skipped ?? '', /^no resolution: /)
    const support = await readFile(path.join(FIXTURES, 'convert', 'pseudo-headings.md'), 'utf8')
    assert.equal(convertArticle(support, 'pseudo-headings.md').articles.length, 1)
  })

  it('takes section names, environment and products from a map file', async () => {
    const markdown = await readFile(path.join(FIXTURES, 'convert', 'custom-vocabulary.md'), 'utf8')
    assert.match(convertArticle(markdown, 'custom-vocabulary.md').skipped ?? '', /^no resolution: /, 'the default names do not know "What to do"')
    const settings = resolveSettings(await readImportMap(path.join(FIXTURES, 'maps', 'custom.yml')))
    const { article, notes } = await convertFixture('custom-vocabulary.md', 'custom-vocabulary.md', settings)
    assert.deepEqual(article.symptoms, ['The sync agent stops, and its log ends with TOKEN_EXPIRED (401).'])
    assert.equal(article.cause, 'Tokens issued by the console last 30 days, and the agent does not renew them.')
    assert.equal(article.resolution, 'Issue a new token in the console and paste it into `agent.conf`, then restart the agent.')
    assert.deepEqual(article.environment, ['Gizmo Cloud'])
    assert.deepEqual(article.products, ['Gizmo Cloud'])
    assert.deepEqual(notes, [])
  })

  it('refuses a map file that does not validate, with one line per problem', async () => {
    const file = path.join(FIXTURES, 'maps', 'bad.yml')
    await assert.rejects(readImportMap(file), (err: Error) => {
      assert.ok(err instanceof ImportMapError)
      assert.deepEqual(err.problems, [
        'sections.cause: must be array',
        'sections.fixes: unknown key',
        'split: must be one of auto, never, always',
        'base_url: must match pattern "^https?://"',
      ])
      assert.equal(err.message.split('\n')[0], `${file}: sections.cause: must be array`)
      return true
    })
    assert.throws(() => parseImportMap('- a list\n', 'm.yml'), /^ImportMapError: m\.yml: \(top level\): must be a mapping of keys$/)
    assert.throws(() => resolveSettings({ profile: 'nosuch' }, {}, 'm.yml'), /m\.yml: profile: no profile named "nosuch" \(known: msdocs\)/)
  })
})

describe('importFolder', () => {
  it('imports or skips every file, de-duplicates ids, links the original from PROVENANCE.md', async () => {
    const to = await tempDir()
    const report = await importFolder({ from: path.join(FIXTURES, 'folder'), to })
    assert.deepEqual(
      report.imported.map(({ source, id }) => ({ source, id })),
      [
        { source: 'docs/a/Gadget Crash.md', id: 'gadget-crash' },
        { source: 'docs/b/gadget-crash.md', id: 'gadget-crash-2' },
        { source: 'docs/sync/sync-stops.md', id: 'sync-stops' },
      ],
    )
    assert.deepEqual(report.imported[1]?.notes, ['id "gadget-crash" is already used by docs/a/Gadget Crash.md; this article is "gadget-crash-2"'])
    assert.deepEqual(report.skipped, [
      { source: 'PROVENANCE.md', reason: 'not an article (a README/PROVENANCE/TOC-style notes file)' },
      {
        source: 'docs/guides/how-to-install.md',
        reason:
          'no resolution: no Resolution/Solution/Workaround/Fix section, and no heading that names a problem with a fix (a guide or reference page, not a problem article)',
      },
      { source: 'docs/sync/README.md', reason: 'not an article (a README/PROVENANCE/TOC-style notes file)' },
    ])
    assert.deepEqual((await readdir(to)).sort(), ['gadget-crash-2.md', 'gadget-crash.md', 'sync-stops.md'])

    const { articles, problems } = await loadArticles(to)
    assert.deepEqual(problems, [])
    const byId = new Map(articles.map((a) => [a.id, a]))
    assert.equal(byId.get('gadget-crash-2')?.title, 'Gadget crashes when printing')
    const sync = byId.get('sync-stops')
    assert.deepEqual(sync?.references, [
      {
        title: 'Original article (example/gadget-docs on GitHub)',
        url: 'https://github.com/example/gadget-docs/blob/0123456789abcdef0123456789abcdef01234567/docs/sync/sync-stops.md',
      },
    ])
    assert.deepEqual(sync?.symptoms, ['Sync stops and the log shows:', 'SyncEngine: out of memory (0x8007000e)'])
    assert.equal(sync?.updated, undefined, '02/30/2023 is not a real date, so it is left out')
    assert.deepEqual(byId.get('gadget-crash')?.references, [], 'files the provenance table does not list get no link')
  })

  it('reads HTML pages as Markdown pages, resolves includes relative to the page, and names the folder when nothing names the environment', async () => {
    const to = await tempDir()
    const report = await importFolder({ from: path.join(FIXTURES, 'sources'), to })
    assert.deepEqual(
      report.files.map((f) => [f.source, f.outcome, f.articles]),
      [
        ['includes/widget-sync.md', 'skipped', []],
        ['printer-offline.html', 'imported', ['printer-offline']],
        ['sync-conflict.md', 'imported', ['sync-conflict']],
      ],
    )
    const { articles, problems } = await loadArticles(to)
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
    )
    const byId = new Map(articles.map((a) => [a.id, a]))
    const printer = byId.get('printer-offline')
    assert.equal(printer?.title, 'Printer shows Offline after a driver update')
    assert.deepEqual(printer?.symptoms.at(-1), 'Spooler: port PRN-07 is not responding (error 0x00000079)')
    assert.match(printer?.resolution ?? '', /^1\. Open the printer's properties/)
    assert.deepEqual(printer?.environment, ['Sources'])
    const sync = byId.get('sync-conflict')
    assert.equal(
      sync?.resolution,
      'Run `widget sync --status` first: it lists the files in conflict.\n\nTwo devices changed the same file before either synced. Rename your local copy, then run `widget sync --pull` to take the remote one.',
    )
    assert.deepEqual(report.files[2]?.notes, [
      `warning: nothing names the environment; it is the folder's name, "Sources" (say it with --environment or the map file)`,
    ])
  })

  it('refuses to write into the folder it reads', async () => {
    const dir = await tempDir()
    await assert.rejects(importFolder({ from: dir, to: dir }), /different folder/)
    await assert.rejects(importFolder({ from: path.join(dir, 'missing'), to: path.join(dir, 'out') }), /is not a folder/)
  })
})

describe('kb import command', () => {
  async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
    const program = new Command().exitOverride()
    registerImportCommand(program)
    let out = ''
    let err = ''
    const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write
    process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write
    const saved = process.exitCode
    try {
      await program.parseAsync(['node', 'kb', 'import', ...args])
      return { out, err, code: process.exitCode as number | undefined }
    } finally {
      process.stdout.write = write.out
      process.stderr.write = write.err
      process.exitCode = saved
    }
  }

  it('prints one line per skipped file and a summary; exit code 0 when something was imported', async () => {
    const from = path.join(FIXTURES, 'folder')
    const to = await tempDir()
    const { out, err, code } = await run(['--from', from, '--to', to])
    assert.equal(code, 0)
    assert.deepEqual(err.trim().split('\n'), [
      `${path.join(from, 'PROVENANCE.md')}: skipped: not an article (a README/PROVENANCE/TOC-style notes file)`,
      `${path.join(from, 'docs/guides/how-to-install.md')}: skipped: no resolution: no Resolution/Solution/Workaround/Fix section, and no heading that names a problem with a fix (a guide or reference page, not a problem article)`,
      `${path.join(from, 'docs/sync/README.md')}: skipped: not an article (a README/PROVENANCE/TOC-style notes file)`,
    ])
    assert.equal(out, `OK: Imported 3 of 6 files into ${to}; skipped 3; 1 with notes (see --json)\n`)
  })

  it('refuses to overwrite an article already in --to, naming it, and writes nothing; --force overwrites', async () => {
    const from = path.join(FIXTURES, 'folder')
    const to = await tempDir()
    assert.equal((await run(['--from', from, '--to', to])).code, 0)
    await writeFile(path.join(to, 'gadget-crash.md'), 'edited by hand\n')
    await rm(path.join(to, 'sync-stops.md'))
    const again = await run(['--from', from, '--to', to])
    assert.equal(again.code, 1)
    assert.equal(again.out, '')
    assert.equal(again.err, `kb import: ${path.join(to, 'gadget-crash-2.md')} already exists (and 1 more); nothing was written, use --force to overwrite\n`)
    assert.equal(await readFile(path.join(to, 'gadget-crash.md'), 'utf8'), 'edited by hand\n')
    assert.equal(existsSync(path.join(to, 'sync-stops.md')), false)
    const json = await run(['--from', from, '--to', to, '--json'])
    assert.deepEqual(JSON.parse(json.out), {
      ok: false,
      error: `${path.join(to, 'gadget-crash-2.md')} already exists (and 1 more); nothing was written, use --force to overwrite`,
    })
    const forced = await run(['--from', from, '--to', to, '--force'])
    assert.equal(forced.code, 0)
    assert.match(await readFile(path.join(to, 'gadget-crash.md'), 'utf8'), /^---\nid: gadget-crash\n/)
    assert.equal(existsSync(path.join(to, 'sync-stops.md')), true)
  })

  it('--json reports counts and every file; exit code 1 when nothing was imported', async () => {
    const to = await tempDir()
    const json = await run(['--from', path.join(FIXTURES, 'folder'), '--to', to, '--json'])
    const parsed = JSON.parse(json.out) as { ok: boolean; counts: Record<string, number> }
    assert.equal(parsed.ok, true)
    assert.deepEqual(parsed.counts, { imported: 3, skipped: 3, failed: 0 })
    const empty = await tempDir()
    const none = await run(['--from', empty, '--to', path.join(empty, 'out')])
    assert.equal(none.code, 1)
    assert.match(none.out, /^FAILED: Imported 0 of 0 files/)
  })
})

describe('kb import --dry-run', () => {
  async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
    const program = new Command().exitOverride()
    registerImportCommand(program)
    let out = ''
    let err = ''
    const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) }
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write
    process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write
    const saved = process.exitCode
    try {
      await program.parseAsync(['node', 'kb', 'import', ...args])
      return { out, err, code: process.exitCode as number | undefined }
    } finally {
      process.stdout.write = write.out
      process.stderr.write = write.err
      process.exitCode = saved
    }
  }

  it('--json lists every file, its outcome, its articles and each problem, and a summary by reason; writes nothing', async () => {
    const to = path.join(await tempDir(), 'out')
    const from = path.join(FIXTURES, 'split', 'widget_runner')
    const { out, code } = await run(['--from', from, '--to', to, '--dry-run', '--json', '--environment', 'Widget CI'])
    assert.equal(code, 0)
    assert.equal(existsSync(to), false)
    const json = JSON.parse(out) as {
      ok: boolean
      dry_run: boolean
      files: Array<{ source: string; outcome: string; articles: string[]; problems?: Array<{ id: string; skipped?: string }> }>
      summary: Record<string, unknown>
    }
    assert.equal(json.ok, true)
    assert.equal(json.dry_run, true)
    assert.deepEqual(
      json.files.map((f) => [f.source, f.outcome, f.articles.length, f.problems?.length]),
      [
        ['cache-upload-fails.md', 'imported', 1, 1],
        ['runner_troubleshooting.md', 'imported', 3, 4],
      ],
    )
    assert.deepEqual(json.summary, {
      files: 2,
      imported_files: 2,
      articles: 4,
      problems: 5,
      skipped_problems: 1,
      skipped_by_reason: { 'problem no fix': 1 },
    })
    const text = await run(['--from', from, '--dry-run', '--environment', 'Widget CI'])
    assert.deepEqual(text.out.trim().split('\n').slice(-4), [
      `  - "Message: stale lock file found": skipped: no fix: the section says what happens but not what to do (no steps, commands or settings)`,
      'Dry run: 2 files, 2 would be imported as 4 articles; 5 problems on pages of problems, 1 skipped; nothing written',
      'Skipped by reason:',
      '  problem no fix: 1',
    ])
  })

  it('names the map file and each of its problems, and exits 1', async () => {
    const map = path.join(FIXTURES, 'maps', 'bad.yml')
    const { err, code } = await run(['--from', path.join(FIXTURES, 'split'), '--dry-run', '--map', map])
    assert.equal(code, 1)
    assert.deepEqual(err.trim().split('\n'), [
      `kb import: ${map}: sections.cause: must be array`,
      `kb import: ${map}: sections.fixes: unknown key`,
      `kb import: ${map}: split: must be one of auto, never, always`,
      `kb import: ${map}: base_url: must match pattern "^https?://"`,
    ])
  })
})

describe('importing the real corpora (KB_CORPORA_DIR, else ../shared/bench/corpora)', () => {
  const present = existsSync(path.join(CORPORA, 'mslearn-iis')) && existsSync(path.join(CORPORA, 'mssql-errors'))
  const skip = present ? false : `corpora not found at ${CORPORA}; nothing to import`

  it('imports nearly every file, skips only the listed ones with reasons, and the KB loads without errors', { skip }, async (t) => {
    const tmp = await tempDir()
    const iis = await importFolder({ from: path.join(CORPORA, 'mslearn-iis'), to: path.join(tmp, 'mslearn-iis') })
    const sql = await importFolder({ from: path.join(CORPORA, 'mssql-errors'), to: path.join(tmp, 'mssql-errors') })
    t.diagnostic(`mslearn-iis: ${iis.imported.length} imported, ${iis.skipped.length} skipped`)
    t.diagnostic(`mssql-errors: ${sql.imported.length} imported, ${sql.skipped.length} skipped`)

    const iisDir = 'support/developer/webapps/iis/'
    assert.deepEqual(
      iis.skipped.map((s) => [s.source.replace(iisDir, ''), s.reason.replace(/:.*/, '')]),
      [
        ['PROVENANCE.md', 'not an article (a README/PROVENANCE/TOC-style notes file)'],
        ['development/duplicate-aspnet-events.md', 'no resolution'],
        ['health-diagnostic-performance/http-error-501-not-implemented.md', 'no resolution'],
        ['health-diagnostic-performance/troubleshoot-http-400-errors-in-iis.md', 'no symptoms'],
      ],
    )
    const sqlDir = 'docs/relational-databases/errors-events/'
    assert.deepEqual(
      sql.skipped.map((s) => [s.source.replace(sqlDir, ''), s.reason.replace(/:.*/, '')]),
      [
        ['PROVENANCE.md', 'not an article (a README/PROVENANCE/TOC-style notes file)'],
        ['mssqlserver-20557-database-engine-error.md', 'no resolution'],
        ['mssqlserver-5242-database-engine-error.md', 'no resolution'],
      ],
    )
    for (const s of [...iis.skipped, ...sql.skipped]) {
      assert.ok(!s.error, `${s.source} failed unexpectedly: ${s.reason}`)
      assert.ok(s.reason.length > 10, `${s.source} has a reason`)
    }
    // Since cause is optional, two more articles; two pages of problems split (502 errors in ARR, HTTP error codes).
    assert.equal(iis.imported.length, 90)
    assert.deepEqual(
      iis.files.filter((f) => f.problems).map((f) => [f.source.replace(iisDir, ''), f.articles.length, f.problems!.length]),
      [
        ['application-request-routing/troubleshooting-502-errors-in-arr.md', 4, 4],
        ['site-behavior-performance/troubleshoot-http-error-code.md', 4, 5],
      ],
    )
    assert.equal(sql.imported.length, 98)

    const { articles, problems } = await loadArticles(tmp)
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
    )
    assert.equal(articles.length, 188)

    const byId = new Map(articles.map((a) => [a.id, a]))
    const login = byId.get('mssqlserver-18456-database-engine-error')
    assert.deepEqual(login?.symptoms.slice(0, 3), ["Login failed for user '%.*ls'.%.*ls", 'Error 18456', 'LOGON_FAILED'])
    assert.deepEqual(login?.errorCodes, ['18456', 'LOGON_FAILED'])
    assert.deepEqual(login?.environment, ['SQL Server'])
    const http50019 = byId.get('http-error-500-19-webpage')
    assert.ok(http50019?.errorCodes.includes('500.19') && http50019.errorCodes.includes('0x8007000d'))
    assert.ok(http50019?.cause?.startsWith('**HRESULT code 0x8007000d**'))
    for (const a of articles) {
      const all = [a.cause, a.resolution, a.body, ...a.symptoms].join('\n')
      assert.ok(!/\[!INCLUDE|\[!NOTE\]|:::image|<a name=/i.test(all), `${a.id} still has Microsoft Docs syntax`)
    }
  })
})
