/**
 * kb new, kb schema and GET /schema/article.json: the scaffold, its placeholders from a paste, its
 * `$schema` line, and the JSON Schema against the bundled articles (Ajv) and the linter. The CLI
 * runs from the bundle: `npm run -s build:server` first (npm test does).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Ajv } from 'ajv'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { parse as parseYaml } from 'yaml'
import { parseArticle } from '../src/build/content/load.js'
import { articleJsonSchema, articleSchemaText } from '../src/build/content/json-schema.js'
import { articleSlug } from '../src/core/article-slug.js'
import { pasteSymptoms, scaffoldArticle, schemaReference, withPlaceholders } from '../src/cli/new.js'
import { ARTICLES, appFor, REPO } from './helpers/kb.js'
import { CLI } from './helpers/server.js'

/** Run the kb CLI in `cwd`. */
function kb(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LOG_LEVEL: 'silent' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The frontmatter of an article as the validator reads it (YAML's failsafe schema: every value text). */
function frontmatter(markdown: string): unknown {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)
  assert.ok(m, 'no frontmatter')
  return parseYaml(m[1]!, { schema: 'failsafe' })
}

const ajv = new Ajv({ allErrors: true, strict: false })
const validate = ajv.compile(articleJsonSchema())

describe('kb new: the scaffold', () => {
  it('makes the id and file name from the title', () => {
    assert.equal(
      articleSlug('IIS 6 stops accepting connections: HTTPERR logs "Connections_Refused"'),
      'iis-6-stops-accepting-connections-httperr-logs-connections',
    )
    assert.equal(articleSlug('Café crème — ÉCHEC 0x80070005'), 'cafe-creme-echec-0x80070005')
    assert.equal(articleSlug('«»…'), '')
    assert.ok(articleSlug('word '.repeat(40)).length <= 60)
  })

  it('replaces the values that vary by placeholders, as the matcher reads them, and keeps the rest verbatim', () => {
    const cases: Array<[string, string]> = [
      [
        '2024-05-01 10:00:00,123 ERROR [main] Connection to 10.0.0.12:5432 refused (pid 4412)',
        '<time> ERROR [main] Connection to <ip>:<port> refused (pid <pid>)',
      ],
      ['HTTPERR 7_Connections_Refused user=bob host: web01', 'HTTPERR N_Connections_Refused user=<name> host: <name>'],
      [
        'Exception at 0x00007FF8A1B2C3D4 request 3f2a9c1e-1234-4cde-9abc-0123456789ab https://api.example.com:8443/v1/x',
        'Exception at <address> request <guid> https://<host>/v1/x',
      ],
      ['w3wp.exe (4412) Sm_AgentApi_Init Failed at 7:02:18 AM', 'w3wp.exe (<pid>) Sm_AgentApi_Init Failed at <time>'],
      ['HTTP Error 503.2 - Service Unavailable', 'HTTP Error 503.2 - Service Unavailable'],
    ]
    for (const [line, want] of cases) assert.equal(withPlaceholders(line), want)
  })

  it('takes the error lines of a paste, once each, in the order pasted', () => {
    const paste = [
      'INFO  2024-05-01 10:00:00 starting worker',
      '2024-05-01 10:00:01 ERROR Npgsql.NpgsqlException: Failed to connect to 10.1.2.3:5432',
      '   at Npgsql.NpgsqlConnector.Connect()',
      '2024-05-01 10:00:09 ERROR Npgsql.NpgsqlException: Failed to connect to 10.1.2.4:5432',
      'INFO  2024-05-01 10:00:10 retrying in 5 s',
    ].join('\n')
    assert.deepEqual(pasteSymptoms(paste), ['<time> ERROR Npgsql.NpgsqlException: Failed to connect to <ip>:<port>'])
  })

  it('is a draft that parses, whose TODO(draft): lines keep it from being published', () => {
    const markdown = scaffoldArticle({
      title: 'Disk full',
      products: ['Nginx'],
      symptoms: ['write() failed (28: No space left on device)'],
      schema: '../article.schema.json',
    })
    assert.match(markdown, /^---\n# yaml-language-server: \$schema=\.\.\/article\.schema\.json\n/)
    const draft = parseArticle(markdown, 'disk-full.md')
    assert.deepEqual(
      draft.problems.filter((p) => p.severity === 'error'),
      [],
    )
    assert.equal(draft.article?.status, 'draft')
    assert.deepEqual(draft.article?.symptoms, ['write() failed (28: No space left on device)'])
    const published = parseArticle(markdown.replace('status: draft', 'status: published'), 'disk-full.md')
    const errors = published.problems.filter((p) => p.severity === 'error')
    // Each TODO(draft): line is an error once published (the body's too, where lint checks it).
    for (const field of ['environment', 'cause', 'resolution'])
      assert.ok(
        errors.some((p) => p.field === field),
        `${field}: ${JSON.stringify(errors)}`,
      )
    for (const p of errors) assert.match(p.message, /TODO\(draft\):/)
    assert.equal(validate(frontmatter(markdown)), true, JSON.stringify(validate.errors))
  })

  it('points the $schema line at a URL as given, and at a file from the article folder', () => {
    assert.equal(schemaReference('http://kb.example.com/schema/article.json', 'articles'), 'http://kb.example.com/schema/article.json')
    assert.equal(schemaReference('article.schema.json', 'articles'), '../article.schema.json')
    assert.equal(schemaReference('articles/article.schema.json', 'articles'), './article.schema.json')
  })
})

describe('kb new and kb schema on the command line', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-new-'))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('writes the scaffold, prints its path, refuses to overwrite it, and kb lint passes on it', async () => {
    const made = kb(
      [
        'new',
        '--title',
        'Nginx: 502 Bad Gateway after an upgrade',
        '--product',
        'Nginx',
        '--symptom',
        '502 Bad Gateway',
        '--symptom',
        'upstream prematurely closed connection',
      ],
      dir,
    )
    assert.equal(made.code, 0, made.stderr)
    const file = path.join('articles', 'nginx-502-bad-gateway-after-an-upgrade.md')
    assert.equal(made.stdout, `${file}\n`)
    assert.match(made.stderr, /does not exist yet: kb schema --out article\.schema\.json writes it/)
    const text = await readFile(path.join(dir, file), 'utf8')
    assert.match(text, /^---\n# yaml-language-server: \$schema=\.\.\/article\.schema\.json\n/)
    assert.match(text, /symptoms:\n {2}- "502 Bad Gateway"\n {2}- "upstream prematurely closed connection"\n/)

    const again = kb(['new', '--title', 'Nginx: 502 Bad Gateway after an upgrade'], dir)
    assert.equal(again.code, 1)
    assert.equal(again.stderr, `kb new: cannot write ${file}: it exists already; edit it, or give another title\n`)
    assert.equal(await readFile(path.join(dir, file), 'utf8'), text)

    const lint = kb(['lint', '--json'], dir)
    // A KB of drafts only has no article to build, so lint says so; its problems are warnings only.
    const problems = (JSON.parse(lint.stdout || '{"problems":[]}') as { problems: Array<{ severity: string }> }).problems
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
      lint.stderr,
    )
  })

  it('lints clean beside a published article, and fails once published with its TODO lines', async () => {
    const kbDir = path.join(dir, 'kb2')
    const articles = path.join(kbDir, 'articles')
    assert.equal(kb(['new', '--title', 'Disk full', '--articles', articles], dir).code, 0)
    await writeFile(
      path.join(articles, 'iis-503.md'),
      await readFile(
        path.join(
          ARTICLES,
          (await readdir(ARTICLES)).find((f) => f.endsWith('.md'))!,
        ),
      ),
    )
    const lint = kb(['lint', '--articles', articles], dir)
    assert.equal(lint.code, 0, lint.stderr)
    assert.match(lint.stdout, /^OK: 1 valid articles, 0 errors/)
    const file = path.join(articles, 'disk-full.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('status: draft', 'status: published'))
    const failed = kb(['lint', '--articles', articles], dir)
    assert.equal(failed.code, 1)
    assert.match(failed.stderr, /disk-full\.md:\d+ resolution: still has a TODO\(draft\): line/)
  })

  it('fills the symptoms from a paste with --from-paste, the title from its first', async () => {
    const paste = '2024-05-01 10:00:00 ERROR System.IO.IOException: There is not enough space on the disk. (pid 4412)\n2024-05-01 10:00:00 INFO done\n'
    const made = kb(['new', '--from-paste', '--articles', 'pasted', '--schema', 'http://127.0.0.1:3000/schema/article.json'], dir, paste)
    assert.equal(made.code, 0, made.stderr)
    const text = await readFile(path.join(dir, made.stdout.trim()), 'utf8')
    assert.match(text, /# yaml-language-server: \$schema=http:\/\/127\.0\.0\.1:3000\/schema\/article\.json\n/)
    assert.match(text, /symptoms:\n {2}- "<time> ERROR System\.IO\.IOException: There is not enough space on the disk\. \(pid <pid>\)"\n/)
    assert.match(text, /title: "<time> ERROR System\.IO\.IOException/)
  })

  // util-linux's script(1) gives kb a terminal; the answers are typed ahead, all at once, which the prompts must not lose.
  const script = ['/usr/bin/script', '/bin/script'].find((f) => existsSync(f))
  it('asks on a terminal for the title, products and symptoms', { skip: script ? false : 'no script(1) to give kb a terminal' }, async () => {
    const cwd = path.join(dir, 'tty')
    await mkdir(cwd)
    const r = spawnSync(script!, ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} new`, '/dev/null'], {
      cwd,
      input: 'Disk full on the log volume\nNginx, Ubuntu\nwrite() failed (28: No space left on device)\n\n',
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    })
    assert.equal(r.status, 0, r.stdout)
    assert.match(r.stdout, /Title \(what the problem looks like\): /)
    const text = await readFile(path.join(cwd, 'articles', 'disk-full-on-the-log-volume.md'), 'utf8')
    assert.match(text, /products:\n {2}- "Nginx"\n {2}- "Ubuntu"\nsymptoms:\n {2}- "write\(\) failed \(28: No space left on device\)"\n/)
  })

  it('needs a title off a terminal, and --from-paste needs a paste', () => {
    const none = kb(['new'], dir, '')
    assert.equal(none.code, 2)
    assert.equal(none.stderr, 'kb new: an article needs a title: --title "..." (or run kb new on a terminal to be asked)\n')
    const blank = kb(['new', '--from-paste'], dir, '\n\n')
    assert.equal(blank.code, 2)
    assert.equal(blank.stderr, 'kb new: the paste on standard input has no line to make a symptom of\n')
  })

  it('kb schema writes the document the server serves; kb --version says the package version', async () => {
    const out = path.join(dir, 'article.schema.json')
    const r = kb(['schema', '--out', out], dir)
    assert.equal(r.code, 0, r.stderr)
    assert.equal(await readFile(out, 'utf8'), articleSchemaText())
    assert.equal(kb(['schema', '--out', '-'], dir).stdout, articleSchemaText())
    const { version } = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
    assert.equal(kb(['--version'], dir).stdout, `${version}\n`)
  })
})

describe('the JSON Schema of the frontmatter', () => {
  let app: FastifyInstance
  before(async () => {
    app = await appFor()
    await app.ready()
  })
  after(() => app.close())

  it('is served at /schema/article.json, with an ETag, and /healthz says the version', async () => {
    const res = await request(app.server).get('/schema/article.json').expect(200)
    assert.match(res.headers['content-type']!, /^application\/schema\+json/)
    assert.equal(res.text, articleSchemaText())
    await request(app.server).get('/schema/article.json').set('if-none-match', res.headers.etag!).expect(304)
    const { version } = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
    assert.equal((await request(app.server).get('/healthz').expect(200)).body.version, version)
  })

  it('validates the frontmatter of every bundled article, and of a scaffold against the served schema', async () => {
    const served = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse((await request(app.server).get('/schema/article.json')).text) as object)
    const files = (await readdir(ARTICLES, { recursive: true })).filter((f) => f.endsWith('.md'))
    assert.ok(files.length >= 10)
    for (const f of files) {
      const data = frontmatter(await readFile(path.join(ARTICLES, f), 'utf8'))
      assert.equal(served(data), true, `${f}: ${JSON.stringify(served.errors)}`)
    }
    const scaffold = scaffoldArticle({ title: 'T', products: [], symptoms: [], schema: 'http://127.0.0.1/schema/article.json' })
    assert.equal(served(frontmatter(scaffold)), true, JSON.stringify(served.errors))
  })

  it('rejects a bad article at the field the linter names', async () => {
    const good = await readFile(
      path.join(
        ARTICLES,
        (await readdir(ARTICLES)).find((f) => f.endsWith('.md'))!,
      ),
      'utf8',
    )
    const bad: Array<[string, string]> = [
      [good.replace(/^symptoms:[\s\S]*?(?=^\w)/m, 'symptoms: []\n'), 'symptoms'],
      [good.replace(/^title: .*$/m, 'title: "  "'), 'title'],
      [good.replace(/^---\n/, '---\nid: Not_An_Id\n').replace(/^id: (?!Not).*\n/m, ''), 'id'],
      [good.replace(/^---\n/, '---\nstatus: live\n'), 'status'],
      [good.replace(/^resolution:[\s\S]*?(?=^\w|^---)/m, ''), 'resolution'],
    ]
    for (const [markdown, field] of bad) {
      const lint = parseArticle(markdown, 'bad.md').problems.filter((p) => p.severity === 'error')
      assert.deepEqual(
        lint.map((p) => p.field),
        [field],
        JSON.stringify(lint),
      )
      assert.equal(validate(frontmatter(markdown)), false, field)
      const named = validate.errors!.map((e) =>
        e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : e.instancePath.split('/')[1],
      )
      assert.ok(named.includes(field), `${field}: ${JSON.stringify(validate.errors)}`)
    }
  })
})
