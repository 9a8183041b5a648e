/**
 * What the KCS loop keeps of a user's words (issue 17's privacy clause): secrets and personal
 * values in the shapes real pastes carry them are replaced before anything is stored or logged,
 * in the question, in the codes read from it, in feedback comments and ticket references; what
 * identifies a problem stays. Cases are written here from the shapes of common tools' output
 * (drivers, shells, HTTP, cloud SDKs), not taken from the KB.
 */
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import { redact } from '../src/core/privacy/redact.js'
import { codesShown, questionRowOf, redactedQuestion, storedQuestion } from '../src/runtime/events/record.js'
import { EventStore } from '../src/runtime/events/store.js'
import { kbFrom } from './helpers/kb.js'

const IIS6 = 'iis6-connections-refused-nonpaged-pool'

/** Each secret value must be gone from the redacted text. */
const SECRETS: Array<[class_: string, input: string, secrets: string[]]> = [
  ['env-style setting', 'export PGPASSWORD=Tr0ub4dor && MYSQL_ROOT_PASSWORD=Sup3r_s3cret psql', ['Tr0ub4dor', 'Sup3r_s3cret']],
  ['dotted setting', 'spring.datasource.password=ch4ngeMe! failed', ['ch4ngeMe']],
  ['JSON', '{"user":"etl","password":"p4ss-w0rd","api_key":"k-91f3"}', ['p4ss-w0rd', 'k-91f3']],
  ['XML appSettings', '<add key="SmtpPassword" value="M4il!pw"/> <client_secret>zx81Qw</client_secret>', ['M4il!pw', 'zx81Qw']],
  ['ODBC braces and spaces', 'Driver={ODBC Driver 18};Pwd={pa;ss wd};Server=db7;Password=two words here;', ['pa;ss', 'ss wd', 'two words here']],
  ['empty URL user', 'Error connecting to redis://:R3disPw9@cache-01:6379/0', ['R3disPw9', 'cache-01']],
  ['password holding an @', 'postgresql://app:p@ss9@db.example.org/app', ['p@ss9', 'ss9@', 'app:']],
  ['CLI flags', 'deploy --password hunter2x --api-key 77aa && curl -u ops:Pa55word https://x.example.org', ['hunter2x', '77aa', 'Pa55word']],
  ['cookie headers', 'Set-Cookie: sid=5f9a2c1d; HttpOnly\ncookie: JSESSIONID=0AB12C', ['5f9a2c1d', '0AB12C']],
  ['lower-case authorization', 'authorization: bearer abc.def.ghi', ['abc.def.ghi']],
  ['token after its scheme', 'sent Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag', ['YIIGhgYGKwYBBQUCoIIGejCCBnag']],
  ['AWS session key and secret', 'ASIAY34FZKBOKMUTVV7A with aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY', ['ASIAY34FZKBOKMUTVV7A', 'wJalrXUtnFEMI']],
  ['unsigned JWT', 'jwt eyJhbGciOiJub25lIn0.eyJzdWIiOiJqZG9lIn0. rejected', ['eyJzdWIiOiJqZG9lIn0']],
  ['base64 key', 'SharedAccessKey=abcDEF123+/xyz9=;EntityPath=q and blob Zm9v+YmFyYmF6cXV4MTIzNDU2Nzg5', ['abcDEF123', 'Zm9v+YmFy']],
  ['user at host', 'ssh deploy@build07: Permission denied (publickey)', ['deploy@', 'build07']],
  ['user named by sshd', 'Failed password for invalid user oracle2 from 203.0.113.9 port 22', ['oracle2', '203.0.113.9']],
  ['double-quoted role', 'FATAL: role "mkovacs" does not exist', ['mkovacs']],
  ['host a lookup failed for', 'getaddrinfo ENOTFOUND api.intra.example.net; Connection to sql7.corp.example:1433 refused', ['api.intra', 'sql7.corp']],
  ['UNC share host', 'Access to \\\\fs-02\\builds$\\drop denied', ['fs-02']],
  ['card, phone and SSN', 'card 4111 1111 1111 1111 call +44 20 7946 0958 ssn 078-05-1120', ['4111 1111', '7946', '078-05-1120']],
  ['MAC and scoped IPv6', 'NIC 3C-52-82-0A-1B-2C bound fe80::1ff:fe23:4567:890a%eth0', ['3C-52-82', 'fe80', 'eth0']],
  ['home folder by tilde', 'cannot read ~mjansen/.netrc', ['mjansen']],
]

/** Text a gap or an article needs: it must survive redaction as it is. */
const KEPT: Array<[class_: string, input: string, kept: string]> = [
  ['MySQL access denied keeps yes/no', "Access denied for user 'app'@'localhost' (using password: YES)", '(using password: YES)'],
  ['scheme words in a message', 'NTLM authentication failed; Token validation failed', 'NTLM authentication failed; Token validation failed'],
  ['a signal is not a signature', 'sig: 11 (SIGSEGV)', 'sig: 11 (SIGSEGV)'],
  [
    'Windows folders are not DOMAIN\\user',
    'C:\\WINDOWS\\system32\\svchost.exe and MSSQL15.MSSQLSERVER\\MSSQL\\DATA',
    'C:\\WINDOWS\\system32\\svchost.exe and MSSQL15.MSSQLSERVER\\MSSQL\\DATA',
  ],
  ['symbolic error names', 'net::ERR_HTTP2_PROTOCOL_ERROR', 'ERR_HTTP2_PROTOCOL_ERROR'],
  ['server software header', 'Server: Microsoft-IIS/10.0', 'Microsoft-IIS/10.0'],
  ['package versions', 'npm ERR! peer react@18.2.0 from @scope/ui@2.1.0', 'react@18.2.0 from @scope/ui@2.1.0'],
  ['exception names holding a secret word', 'SecurityTokenExpiredException: IDX10223: Lifetime validation failed', 'SecurityTokenExpiredException: IDX10223:'],
  [
    'codes and numbers',
    'HRESULT 0x80070005, Msg 18456, Level 14, ORA-12154, HTTP Error 500.19 on port 1433',
    'HRESULT 0x80070005, Msg 18456, Level 14, ORA-12154, HTTP Error 500.19 on port 1433',
  ],
]

describe('redaction by class of value', () => {
  for (const [name, input, secrets] of SECRETS)
    it(`removes secrets: ${name}`, () => {
      const out = redact(input)
      for (const s of secrets) assert.ok(!out.includes(s), `${JSON.stringify(s)} kept in ${JSON.stringify(out)}`)
    })
  for (const [name, input, kept] of KEPT) it(`keeps what a problem is: ${name}`, () => assert.ok(redact(input).includes(kept), redact(input)))
})

describe('the stored form of a question', () => {
  it('redacts a private key pasted over several lines, as the match route passes lines', () => {
    const lines = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAwJ6Xq3kq8s',
      'Yz+/abcdEFGH12/CD+EF',
      '-----END RSA PRIVATE KEY-----',
      'Error: unable to load key',
    ]
    assert.equal(storedQuestion(lines), '<secret>\nError: unable to load key')
  })

  it('redacts a key whose end line was cut off', () => {
    assert.ok(!storedQuestion(['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAA']).includes('b3BlbnNzaC1'))
  })

  it('redacts before it bounds: a secret that crosses the stored size is never half-kept', () => {
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'Bearer abcdefghijklmnopqrstuvwxyz0123456789', 'password: hunter2hunter2']) {
      for (let pad = 1985; pad <= 2005; pad += 5) {
        const stored = storedQuestion([`${'x '.repeat(pad / 2)}${secret} tail`])
        assert.ok(stored.length <= 2000)
        assert.ok(!/AKIAIO|abcdefgh|hunter2/.test(stored), `${secret} at ${pad}: ${stored.slice(-60)}`)
      }
    }
  })

  it('keeps only the codes its redacted text still shows', () => {
    const { redacted } = redactedQuestion(['Login failed. Error 18456.', 'Password=Welcome_Admin1;'])
    assert.deepEqual(codesShown(['18456', 'welcome_admin1'], redacted), ['18456'])
    // A code's kind word is not text (http 403 of "403 Forbidden"), and another spelling of a code shown is shown.
    assert.deepEqual(codesShown(['http 403', '0x80070005', 'win32 5', 'error_access_denied'], 'got 403 forbidden, error 0x80070005'), [
      'http 403',
      '0x80070005',
      'win32 5',
      'error_access_denied',
    ])
    // ...but not the spellings of a code read out of a secret.
    assert.deepEqual(codesShown(['0x80070005', 'win32 5'], 'password=<secret>'), [])
    // A code read outside the question's lines counts when the paste shows it redacted too.
    const paste = 'Event 1000\nFaulting module ntdll.dll, exception code 0xc0000374\nDB_PASSWORD=Hunter2_Secret'
    assert.deepEqual(codesShown(['0xc0000374', 'hunter2_secret', 'http 500.19'], 'Faulting module', paste), ['0xc0000374'])
  })
})

describe('nothing a user sent is stored or logged in clear', () => {
  let app: FastifyInstance
  let store: EventStore
  const logged: string[] = []
  before(async () => {
    store = new EventStore({ dataDir: 'memory://', replica: 'privacy', retentionDays: 90, flushMs: 10, capacity: 50 })
    await store.ready
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged.push(chunk.toString())
        done()
      },
    })
    app = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024, events: store }, { logger: { level: 'info', stream } })
  })
  after(async () => {
    await app?.close()
    await store?.close()
  })
  const rows = async <T>(sql: string, params: unknown[] = []) => (await store.database()!.query<T>(sql, params)).rows

  it('stores the codes of a paste without the ones read out of a secret, and logs the unmatched paste redacted', async () => {
    const paste = 'FATAL zq-sync: replication slot lost\nDB_PASSWORD=Qx7_Secret9 user=svc_sync host=10.9.8.7'
    const m = await request(app.server).post('/api/match').send({ text: paste }).expect(200)
    await store.flush()
    const [q] = await rows<{ text: string; codes: string[] }>('SELECT text, codes FROM kb_queries WHERE id = $1', [questionRowOf(m.body.queryId)])
    assert.ok(q)
    const stored = JSON.stringify(q)
    assert.ok(!/qx7_secret9|svc_sync|10\.9\.8\.7/i.test(stored), stored)
    assert.equal(m.body.noConfidentMatch, true)
    const line = logged.find((l) => l.includes('no confident match'))
    assert.ok(line, 'the unmatched paste is logged')
    assert.ok(!/qx7_secret9|svc_sync|10\.9\.8\.7/i.test(line), line)
  })

  it('redacts feedback comments and ticket references', async () => {
    const s = await request(app.server).get('/api/search').query({ q: 'connections refused' }).expect(200)
    const comment = 'did not help, my login is jdoe@example.org pw Hunter2! on 10.1.2.3'
    await request(app.server).post('/api/feedback').send({ queryId: s.body.queryId, articleId: IIS6, verdict: 'not-related', comment }).expect(202)
    await request(app.server).post(`/api/articles/${IIS6}/uses`).send({ ticket: 'INC-4411 from anna.berg@example.org' }).expect(202)
    await store.flush()
    const [f] = await rows<{ comment: string }>('SELECT comment FROM kb_feedback WHERE query_id = $1', [s.body.queryId])
    assert.match(f!.comment, /^did not help, my login is <email> .* on <ip>$/)
    const [u] = await rows<{ ticket: string }>('SELECT ticket FROM kb_uses')
    assert.equal(u?.ticket, 'INC-4411 from <email>')
  })

  it('answers recorded: false for an event the full buffer dropped', async () => {
    const s = await request(app.server).get('/api/search').query({ q: 'nonpaged pool' }).expect(200)
    // The buffer holds 50 events until the next write (every 10 ms): sent at once, some are dropped.
    const body = { queryId: s.body.queryId, articleId: IIS6, position: 1 }
    const answers = await Promise.all(Array.from({ length: 200 }, () => app.inject({ method: 'POST', url: '/api/events/open', payload: body })))
    const recorded = answers.map((a) => a.json<{ recorded: boolean }>().recorded)
    assert.ok(recorded.includes(false), 'some were dropped')
    await store.flush()
    const [n] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM kb_opens WHERE query_id = $1', [s.body.queryId])
    assert.equal(n?.n, recorded.filter(Boolean).length, 'every open answered recorded: true was written, and no other')
  })
})
