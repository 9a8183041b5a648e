/**
 * Failure classes of symptom matching seen on a KB it was not tuned on (issue 16), each on lines
 * shaped like the real ones: Windows setup logs, mail non-delivery reports, bugcheck lines, .NET
 * errors, Java logs. The small KB in test/fixtures/match-classes is written for these tests.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { isGenericCode, isHttpReason } from '../src/core/match/codes.js'
import { codeConflict, Matcher } from '../src/core/match/match.js'
import { normalizeLine } from '../src/core/match/normalize.js'
import { readPaste } from '../src/core/match/paste.js'
import {
  articleCodes,
  literalCode,
  profileSymptom,
  saysOnlyStatus,
  sentenceKey,
  symptomParts,
  verbatimSentences,
  weighSymptom,
} from '../src/core/match/profile.js'
import { errorLikeness, extractCodes, mayBeError } from '../src/core/match/signals.js'
import { MATCH_DEFAULTS } from '../src/core/match/options.js'
import type { StoredArticle } from '../src/build/artifact/artifact.js'
import { kbFrom } from './helpers/kb.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'match-classes')

/** The codes a pasted line yields, as the matcher reads it (normalized first). */
const pastedCodes = (line: string): string[] => readPaste(line).codes

describe('what is not a code: file names, paths, encoded addresses, GUIDs, blobs', () => {
  const none: Array<[string, string]> = [
    ['a file name', 'Setup.exe stopped at the readiness checks'],
    ['a configuration file', 'Error in web.config: the configuration section cannot be read'],
    ['a Windows path with spaces', 'Log file: C:\\Program Files\\Contoso\\Mail Server\\V15\\Bin\\Setup_Helper.exe'],
    ['a Windows path to a dump', 'Dump written to C:\\Windows\\Minidump\\Crash_Report_Writer.dmp'],
    ['a Unix log path', 'tail /var/log/gitlab/gitlab-rails/production_json.log shows nothing'],
    ['a UNC path', 'copying to \\\\FILESRV01\\Share_Backups\\Nightly_Full failed'],
    [
      'an encoded X.500 address in a bounce',
      'IMCEAEX-_O=CONTOSO_OU=EXCHANGE+20ADMINISTRATIVE+20GROUP+20+28FYDIBOHF23SPDLT+29_CN=RECIPIENTS_CN=JDOE@contoso.com',
    ],
    ['an LDAP distinguished name', 'bind as CN=Svc_Mail,OU=Service_Accounts,DC=corp,DC=example failed'],
    ['a URL-encoded fragment', 'GET /owa/?ae=Item&path=%2FInbox_Rules%2FAuto_Forward%20rule'],
    ['a GUID in braces', 'Component {80070005-4f89-11d3-9a0c-0305e82c3301} registered'],
    ['a base64 token', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
    ['a hex blob', 'thumbprint C0000005A1B2C3D4E5F60718293A4B5C6D7E8F90 not trusted'],
    ['a shell variable', 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" --output build.zip "${CI_API_V4_URL}/jobs"'],
    ['a Windows environment variable', 'cd %PROGRAM_FILES%\\Contoso && setup'],
  ]
  for (const [what, line] of none) {
    it(`${what} yields no code, in an article or in a paste`, () => {
      assert.deepEqual(extractCodes(line), [], line)
      assert.deepEqual(pastedCodes(line), [], line)
    })
  }

  it('the codes beside them still count', () => {
    assert.deepEqual(new Set(extractCodes('Setup.exe failed with exit code 0x80070643')), new Set(['0x80070643', 'win32 1603']))
    assert.ok(extractCodes('Dump written to C:\\Windows\\Minidump\\x.dmp after CRITICAL_PROCESS_DIED').includes('critical_process_died'))
  })

  it('an author who lists a file name or a path as a code does not make it one', () => {
    for (const listed of ['Setup.exe', 'web.config', 'C:\\Program Files\\Contoso', '/var/log/gitlab/production.log', '{3f2504e0-4f89-11d3-9a0c-0305e82c3301}'])
      assert.equal(literalCode(listed), undefined, listed)
    assert.ok(literalCode('QueueFull'), 'a word an author lists is still found as written')
  })
})

describe('dotted codes are exact', () => {
  it('mail status codes: 5.1.1 is not 5.1.11', () => {
    assert.deepEqual(pastedCodes('Remote Server returned 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'), ['mail 5.1.1'])
    assert.deepEqual(pastedCodes('Remote Server returned 550 5.1.11 RESOLVER.ADR.RecipientNotFound'), ['mail 5.1.11'])
    assert.deepEqual(pastedCodes('#550 5.7.1 RESOLVER.RST.AuthRequired; authentication required ##'), ['mail 5.7.1'])
    assert.equal(codeConflict(['mail 5.1.11'], new Set(['mail 5.1.1'])), true)
  })
  it("a process's exit status is not an HTTP status; the status git and curl say a URL returned is", () => {
    assert.deepEqual(extractCodes('error: failed to push some refs: exit status 128'), [])
    assert.deepEqual(extractCodes('ERROR: Job failed: exit status 1'), [])
    assert.deepEqual(extractCodes('upstream returned status 502'), ['http 502'])
    // A status named after a slash is a process's (systemd, OpenRC), whatever its number.
    assert.deepEqual(extractCodes('api.service: Main process exited, code=exited, status=203/EXEC'), [])
    assert.deepEqual(extractCodes('Active: failed (Result: exit-code) since Tue; (code=exited, status=217/USER)'), [])
    assert.deepEqual(extractCodes('proxy answered status=502 to the client'), ['http 502'])
    assert.deepEqual(extractCodes("fatal: unable to access 'https://git.example/x.git/': The requested URL returned error: 403"), ['http 403'])
  })
  it('a version number or a date is not a mail status', () => {
    assert.deepEqual(extractCodes('upgraded the agent to 5.1.1 yesterday'), [])
    assert.deepEqual(extractCodes('build 10.0.17763.1 installed'), [])
  })
  it('HTTP substatus: 500.19 is not 500.1', () => {
    const a = extractCodes('HTTP Error 500.19 - Internal Server Error')
    const b = extractCodes('HTTP Error 500.1 - Internal Server Error')
    assert.ok(a.includes('http 500.19') && !a.includes('http 500.1'))
    assert.ok(b.includes('http 500.1') && !b.includes('http 500.19'))
    assert.equal(codeConflict(a, new Set(b)), true)
  })
  it('an article listing 5.1.1 is not found by a paste naming 5.1.10, nor the other way round', async () => {
    const m = (await kbFrom(FIXTURES)).matcher
    const a = m.match({ text: 'Delivery has failed. Remote Server returned 550 5.1.10 RESOLVER.ADR.RecipientNotFound', limit: 2 })
    assert.equal(a.results[0]?.id, 'mail-5-1-10-proxy-address')
    assert.deepEqual(a.results[0]?.matchedErrorCodes, ['mail 5.1.10'])
    assert.ok(!a.results.find((h) => h.id === 'mail-5-1-1-unknown-recipient')?.matchedErrorCodes.length)
    const b = m.match({ text: 'Delivery has failed. Remote Server returned 550 5.1.1 RESOLVER.ADR.RecipNotFound', limit: 2 })
    assert.equal(b.results[0]?.id, 'mail-5-1-1-unknown-recipient')
    assert.deepEqual(b.results[0]?.matchedErrorCodes, ['mail 5.1.1'])
  })
})

describe('one hex code in its spellings is one code', () => {
  const spellings = [
    'The computer has rebooted from a bugcheck.  The bugcheck was: 0x000000ef (0xffffc30c1a2b3080, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000).',
    'STOP: 0x000000EF (0xFFFFE0012345A080, 0x0, 0x0, 0x0)',
    'BugCheck EF, {ffffc30c1a2b3080, 0, 0, 0}',
    'Bugcheck code 000000EF',
    'Your device ran into a problem. Stop code: 0xEF',
  ]
  for (const line of spellings) {
    it(line, () => {
      assert.deepEqual(extractCodes(line), ['0xef'])
      assert.deepEqual(pastedCodes(line), ['0xef'])
    })
  }
  it('an 8-digit HRESULT keeps its canonical form, and zero is no code', () => {
    assert.deepEqual(extractCodes('failed with 0x80070005'), ['0x80070005', 'win32 5', 'error_access_denied'])
    assert.deepEqual(extractCodes('returned 0x00000000'), [])
  })
  it('stop codes of different values conflict; the same value in another spelling matches the article', async () => {
    assert.equal(codeConflict(['0x9f'], new Set(['0xef'])), true)
    const m = (await kbFrom(FIXTURES)).matcher
    const kb = await kbFrom(FIXTURES)
    const stored = kb.artifact.codes[kb.artifact.articles.findIndex((a) => a.id === 'stop-0xef-critical-process-died')]
    assert.ok(stored?.includes('0xef'), String(stored))
    for (const text of ['BugCheck EF, {ffffc30c1a2b3080, 0, 0, 0}', 'The bugcheck was: 0x000000ef (0xffffc30c1a2b3080, 0x0, 0x0, 0x0).']) {
      const r = m.match({ text, limit: 2 })
      assert.equal(r.results[0]?.id, 'stop-0xef-critical-process-died', text)
      assert.deepEqual(r.results[0]?.matchedErrorCodes, ['0xef'])
    }
  })
})

describe('a parenthesized status counts as the status', () => {
  it('(403) Forbidden is HTTP 403', () => {
    assert.deepEqual(
      new Set(pastedCodes('System.Net.WebException: The remote server returned an error: (403) Forbidden.')),
      new Set(['webexception', 'http 403']),
    )
    assert.ok(extractCodes('The remote server returned an error: (503) Server Unavailable.').includes('http 503'))
  })
  it("a driver's error number in parentheses after its message is that error", () => {
    const odbc = `pyodbc.InterfaceError: ('28000', "[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'etl'. (18456) (SQLDriverConnect)")`
    assert.ok(pastedCodes(odbc).includes('error 18456'), pastedCodes(odbc).join(' '))
  })
  it("a status's reason phrase an author lists as a code is the status, no more; other listed words are not", () => {
    for (const c of ['"service unavailable"', '"server unavailable"', '"bad gateway"', '"gateway time-out"', '"payload too large"'])
      assert.equal(isHttpReason(c), true, c)
    for (const c of ['"login failed"', '"queue full"', 'forbidden', '"service stopped"']) assert.equal(isHttpReason(c), false, c)
  })
  it('a process id in parentheses is still noise', () => {
    assert.equal(normalizeLine('w3wp.exe (4412) exited'), 'w3wp.exe exited')
  })
  // Django's default error pages (django/views/csrf.py, django/views/defaults.py) put the status after its reason:
  // the CSRF page's heading `Forbidden (403)`, as users quote it with the message under it, and `Bad Request (400)`.
  it('a status in parentheses after a word is the status, in a paste and in an article alike', async () => {
    const csrf = 'Forbidden (403) CSRF verification failed. Request aborted.'
    assert.deepEqual(pastedCodes(csrf), ['http 403'])
    assert.deepEqual(extractCodes(csrf), ['http 403'])
    assert.deepEqual(pastedCodes('Bad Request (400)'), ['http 400'])
    const article = (await kbFrom(FIXTURES)).artifact.articles.find((a) => a.id === 'setup-prereq-failed')!
    // A loaded article's fields are getters (decoded when read): toJSON() is its plain copy.
    assert.deepEqual(articleCodes({ ...(article as StoredArticle).toJSON(), title: 'Forbidden (403) when a form is posted from another origin' }), ['http 403'])
  })
  it('but not a number HTTP does not define, nor one after a process or a file name', () => {
    for (const line of ['listening on port (8080)', 'sent 3 batches (600)', 'Process (503) exited', 'w3wp.exe (503) started'])
      assert.deepEqual(extractCodes(line), [], line)
  })
  it('finds the article from the .NET message', async () => {
    const m = (await kbFrom(FIXTURES)).matcher
    const r = m.match({ text: 'Unhandled exception. System.Net.WebException: The remote server returned an error: (403) Forbidden.', limit: 2 })
    assert.equal(r.results[0]?.id, 'proxy-403-forbidden')
    assert.ok(r.results[0]?.matchedErrorCodes.includes('http 403'))
  })
})

describe('long logs: an INFO line carrying a strong code is read, and weighs as an error', () => {
  const chatter = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `2026-11-30 03:${String(i % 60).padStart(2, '0')}:10,552 INFO [batch-${i % 4}] Export - wrote page ${i} (${i * 50} rows)`,
    )
  const strong = [
    '2026-11-30 03:14:07,118 INFO [batch-2] Worker - java.lang.OutOfMemoryError: GC overhead limit exceeded',
    '2026-11-30 03:14:07,118 INFO [setup] Installer - exit code 80070643 returned by package',
    '2026-11-30 03:14:07 Information EventLog Event 1001: The computer has rebooted from a bugcheck. The bugcheck was: 0x000000ef',
  ]
  for (const line of strong) {
    it(line, () => {
      assert.ok(mayBeError(line), 'the triage keeps it')
      const codes = extractCodes(normalizeLine(line))
      assert.ok(codes.length > 0)
      assert.ok(errorLikeness(line, codes) >= 0.4, `errorLikeness ${errorLikeness(line, codes)}`)
      const lines = chatter(300)
      lines.splice(150, 0, line)
      const p = readPaste(lines.join('\n'))
      assert.ok(p.skippedLines > 280, `skipped ${p.skippedLines}`)
      assert.ok(
        codes.every((c) => (p.codeLines.get(c) ?? 0) >= 0.4),
        codes.map((c) => `${c}: ${p.codeLines.get(c)}`).join(', '),
      )
    })
  }
  it('an INFO line naming only a file or a number stays chatter', () => {
    assert.equal(errorLikeness('2026-11-30 03:14:07 INFO Watch - w3wp.exe pid 4410 started'), 0)
    assert.equal(mayBeError('2026-11-30 03:14:07 INFO Export - wrote page 12 (600 rows)'), false)
  })
  it('the OutOfMemoryError article is the answer from 300 lines of chatter', async () => {
    const m = (await kbFrom(FIXTURES)).matcher
    const lines = chatter(300)
    lines.splice(150, 0, strong[0]!)
    const r = m.match({ text: lines.join('\n'), limit: 2 })
    assert.equal(r.results[0]?.id, 'appserver-out-of-memory')
  })
})

describe('article codes, as stored', () => {
  it('an article naming Setup.exe and a log folder stores no code for them', async () => {
    const kb = await kbFrom(FIXTURES)
    const i = kb.artifact.articles.findIndex((a) => a.id === 'setup-prereq-failed')
    assert.deepEqual(kb.artifact.codes[i], [])
    assert.deepEqual(articleCodes(kb.artifact.articles[i]!), [])
  })
})

describe('confidence comes from evidence specific to the article', () => {
  it('a socket error is generic in every spelling, and so is an unspecified HRESULT', () => {
    for (const c of ['econnrefused', 'wsaeconnrefused', 'win32 10061', '0x8007274d', '0x80004005']) assert.equal(isGenericCode(c), true, c)
    for (const c of ['0x8007000d', 'error 18456', 'mail 5.1.1', '0xef']) assert.equal(isGenericCode(c), false, c)
  })
  it('a paste from a product the KB does not cover gets no confident answer', async () => {
    const m = (await kbFrom()).matcher
    for (const text of [
      'Error: connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      '[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379',
    ]) {
      const r = m.match({ text, limit: 3 })
      assert.equal(r.noConfidentMatch, true, `${text}: ${r.results[0]?.id} ${r.results[0]?.confidence}`)
      for (const h of r.results) assert.ok(h.confidence < MATCH_DEFAULTS.confidenceThreshold, `${h.id} ${h.confidence}`)
    }
  })
  it('a code only the article names makes the answer confident', async () => {
    const r = (await kbFrom(FIXTURES)).matcher.match({ text: 'The bugcheck was: 0x000000ef (0xffffc30c1a2b3080, 0x0, 0x0, 0x0).', limit: 3 })
    assert.equal(r.results[0]?.id, 'stop-0xef-critical-process-died')
    assert.equal(r.noConfidentMatch, false)
  })
  it('a symptom two articles share in the same words singles out neither', async () => {
    const r = (await kbFrom(FIXTURES)).matcher.match({ text: 'the server restarts unexpectedly and a memory dump is written', limit: 3 })
    assert.ok(r.results[0]?.id.startsWith('stop-'), r.results[0]?.id)
    assert.equal(r.noConfidentMatch, true, `${r.results[0]?.id} ${r.results[0]?.confidence}`)
  })
})

describe('a sentence of a symptom pasted word for word is matched in full, however common its words', () => {
  it('the sentences compared: lines, sentences of a line, a message after its label, quoted messages; short ones and placeholders left out', () => {
    const sentences = verbatimSentences([
      'psql: error: connection to server at "db-replica" failed\nFATAL:  the database system is not yet accepting connections',
      'The page says "Request filtering is configured to deny this request." Then nothing. Access is denied.',
      'Login failed for user <name>. Reason: the password did not match that for the login provided.',
      'The Print Spooler service is starting.\nThe service could not be started.',
    ])
    const keys = sentences.map((s) => s.key)
    const strength = (key: string) => sentences.find((s) => s.key === key)?.strength
    assert.equal(strength('the database system is not yet accepting connections'), 1, keys.join(' | '))
    assert.equal(strength('fatal the database system is not yet accepting connections'), 1)
    // Shorter sentences are worth less: six words a third (they are more often in other problems' messages too).
    assert.ok(Math.abs(strength('the service could not be started')! - 1 / 3) < 1e-9, keys.join(' | '))
    assert.ok(keys.includes('request filtering is configured to deny this request'))
    assert.ok(keys.includes('reason the password did not match that for the login provided'))
    assert.ok(!keys.some((k) => k.startsWith('login failed for user')), 'a sentence with a placeholder is matched as terms')
    assert.ok(!keys.includes('access is denied'), 'three words end too many problems to say which')
    assert.equal(sentenceKey('FATAL:  The database   system is not-yet accepting connections.'), 'fatal the database system is not yet accepting connections')
  })

  // PostgreSQL's refusal while a standby replays its log, quoted by a user amid words that belong to
  // another article (the pooler's): the quoted message is that article's symptom line, word for word.
  const text = 'pgbouncer keeps the pool closed after the replica restarts and psql says: the database system is not yet accepting connections'
  it('the article whose symptom the paste quotes is the answer, and says which pasted line matched it', async () => {
    const kb = await kbFrom(FIXTURES)
    const r = kb.matcher.match({ text, limit: 3 })
    assert.equal(r.results[0]?.id, 'db-replica-starting-up')
    const [m] = r.results[0]!.matchedSymptoms
    assert.equal(m?.score, 1)
    assert.equal(m?.line, text)
    assert.match(m!.symptom, /FATAL: {2}the database system is not yet accepting connections/)
    // Without the verbatim comparison the same symptom is matched on its terms only, for less.
    const termsOnly = new Matcher(kb.artifact, { ...MATCH_DEFAULTS, verbatimWords: { none: 1000, full: 1001 } }).match({ text, limit: 3 })
    const lead = (res: typeof r) => res.results[0]!.score - res.results.find((h) => h.id === 'pool-replica-server-login-retry')!.score
    assert.ok(termsOnly.results[0]!.matchedSymptoms[0]!.score < 1)
    assert.ok(lead(r) > lead(termsOnly) + 0.05, `lead ${lead(r)} against ${lead(termsOnly)} on terms only`)
  })
  it('the same words in another order, or a part of the sentence, are not verbatim', async () => {
    const m = (await kbFrom(FIXTURES)).matcher
    for (const other of [
      'pgbouncer pool closed; the database system is accepting no connections yet',
      'pgbouncer pool closed; the database system is not yet accepting',
    ]) {
      const hit = m.match({ text: other, limit: 3 }).results.find((h) => h.id === 'db-replica-starting-up')
      assert.ok(!hit || hit.matchedSymptoms.every((s) => s.score < 1), `${other}: ${JSON.stringify(hit?.matchedSymptoms)}`)
    }
  })
  it('a verbatim sentence raises the score, not the confidence: it is not evidence specific to one article', async () => {
    const r = (await kbFrom(FIXTURES)).matcher.match({ text, limit: 3 })
    assert.ok(r.results[0]!.confidence <= MATCH_DEFAULTS.specificity.cap, String(r.results[0]!.confidence))
  })
})

describe('a symptom that is only an HTTP status and its reason phrase says what the status says', () => {
  it('is told apart from a symptom that says more', () => {
    for (const t of ['502 Bad Gateway', 'HTTP/1.1 504 Gateway Time-out', 'Service Unavailable\nHTTP Error 503. The service is unavailable.', '429'])
      assert.equal(saysOnlyStatus(t), true, t)
    for (const t of [
      '502 Bad Gateway from the ingress after a deploy',
      'HTTP Error 503.2 - Service Unavailable',
      'upstream timed out while reading response header',
    ])
      assert.equal(saysOnlyStatus(t), false, t)
  })
  it('weighs what its status number weighs: its reason phrase adds nothing, a rare status keeps its weight', () => {
    const numbers = { of: (t: string) => t.length, find: (t: string) => t.length }
    const idf = (t: string) => ({ '502': 0.5, '429': 3, bad: 2, gateway: 2 })[t] ?? 1
    const [gateway] = symptomParts('502 Bad Gateway')
    const [rate] = symptomParts('429')
    assert.equal(gateway!.statusOnly, true)
    assert.equal(weighSymptom(gateway!, idf, numbers, 3).strength, weighSymptom(profileSymptom('502'), idf, numbers, 3).strength)
    assert.ok(weighSymptom(rate!, idf, numbers, 3).strength > weighSymptom(gateway!, idf, numbers, 3).strength)
    // The same words with a detail keep their own weight.
    assert.ok(weighSymptom(symptomParts('502 Bad Gateway from the ingress')[0]!, idf, numbers, 3).strength > weighSymptom(gateway!, idf, numbers, 3).strength)
  })
})

describe('the words of one identifier are a name, not a phrase', () => {
  it('a line keeps which of its terms it holds only inside an identifier, and from which', () => {
    const [line] = readPaste('org.example.jobs.CannotAcquireLockException: the lock is busy').lines
    assert.deepEqual([...line!.splitOnly.keys()].sort(), ['acquir', 'cannot', 'except', 'exampl', 'job', 'org'].filter((t) => line!.termSet.has(t)).sort())
    assert.equal(line!.splitOnly.has('lock'), false) // also a word of its own on the line
    assert.deepEqual(line!.splitOnly.get('acquir'), ['org.example.jobs.cannotacquirelockexception', 'cannotacquirelockexcept'])

    // A JSON log's escaped line break joins two words, not the parts of a name.
    const [json] = readPaste('{"level":"error","msg":"ERROR:  replica query canceled during recovery\\nDETAIL:  rows were removed"}').lines
    assert.equal(json!.splitOnly.has('recoveri'), false)
    assert.equal(json!.splitOnly.has('detail'), false)
  })
  it('a symptom matched through an exception name scores less than the same words written out', async () => {
    const m = (await kbFrom(FIXTURES)).matcher
    const score = (text: string) => m.match({ text, limit: 3 }).results.find((h) => h.id === 'release-lock-held')?.score ?? 0
    const named = score('ERROR [worker-3] BatchStep - step failed: org.example.dao.CannotAcquireReleaseLockException: row held by another process')
    const written = score('ERROR [worker-3] BatchStep - step failed: cannot acquire the release lock: row held by another process')
    assert.ok(written > 0 && named < written - 0.03, `named ${named}, written ${written}`)
  })
})

describe("a process's exit status is the outcome, not the error", () => {
  // Jenkins ends a failed `sh` step with this line (grafana/k6-example-jenkins#1), GitHub Actions with the second
  // (fullstack-sake/legym_fk#11); the error is on a line above them.
  const exit = 'ERROR: script returned exit code 1'
  const actions = 'Error: Process completed with exit code 1.'
  // Go's TLS client, as a mail client logged it (emersion/go-smtp#63).
  const cause = '2019/09/14 00:52:08 x509: certificate has expired or is not yet valid'

  it('an exit-status line is not an error line; a strong code on it still is', () => {
    for (const line of [exit, actions]) assert.ok(errorLikeness(line) < MATCH_DEFAULTS.errorLineAt, `${line}: ${errorLikeness(line)}`)
    assert.ok(errorLikeness(`${exit} (HRESULT 0x80070643)`) >= MATCH_DEFAULTS.errorLineAt)
  })
  it('the article of the error above it comes first, not the one about failing with exit code 1', async () => {
    const r = (await kbFrom(FIXTURES)).matcher.match({ text: `Run ./deploy.sh --prod\n${cause}\n${exit}`, limit: 3 })
    assert.equal(r.results[0]?.id, 'tls-certificate-expired', JSON.stringify(r.results.map((h) => [h.id, h.score])))
  })
})

describe('refusals, absences and limits are error words too', () => {
  it('a line saying something expired, is not allowed or was exceeded may be the error', () => {
    for (const line of [
      // Go's TLS client (emersion/go-smtp#63), with no other error word.
      '2019/09/14 00:52:08 x509: certificate has expired or is not yet valid',
      // git, when a CI job token may not fetch a project (GitLab's job troubleshooting page quotes it).
      'remote: You are not allowed to download code from this project.',
      // GitHub's REST API when its rate limit is used up.
      'API rate limit exceeded for 203.0.113.7.',
      // A shell script saved with Windows line endings.
      "/usr/bin/env: 'bash\\r': No such file or directory",
    ]) {
      assert.ok(mayBeError(line), line)
      assert.ok(errorLikeness(line) >= MATCH_DEFAULTS.errorLikeness.errorWord, line)
    }
    assert.equal(errorLikeness('Fetching changes with git depth set to 20...'), 0)
  })
})

describe('an error class named for saying nothing is no specific evidence', () => {
  // A container registry's log of an S3 storage failure (gist.github.com/jbub/c516f62b304070adc44ae4a38b069b88).
  const line = 's3aws: InternalError: We encountered an internal error, please try again.'

  it('UnknownError, InternalError, UnexpectedException are generic codes; a named error class is not', () => {
    assert.ok(extractCodes(line).includes('internalerror'))
    for (const c of ['unknownerror', 'internalerror', 'unexpectedexception', 'generalfault']) assert.equal(isGenericCode(c), true, c)
    for (const c of ['outofmemoryerror', 'sqlexception', 'internalservererror']) assert.equal(isGenericCode(c), false, c)
  })
  it('a paste naming only InternalError gets the article that lists it, but not confidently', async () => {
    const r = (await kbFrom(FIXTURES)).matcher.match({ text: line, limit: 3 })
    assert.equal(r.results[0]?.id, 'storage-upload-internal-error')
    assert.equal(r.noConfidentMatch, true, `${r.results[0]?.id} ${r.results[0]?.confidence}`)
  })
})

describe('of messages wrapped in one another on a line, the one ending it is the cause', () => {
  // docker/docs#15142: the daemon's message wraps the request's, which wraps the TLS error.
  const line = 'docker: Error response from daemon: Get "https://registry-1.docker.io/v2/": x509: certificate signed by unknown authority.'
  const WRAPPER = 'container-daemon-error-response'
  const CAUSE = 'registry-certificate-unknown-authority'
  /** Each article's score for a paste, with the rule (the defaults) and without it. */
  const scores = async (text: string): Promise<Array<Map<string, number>>> => {
    const { artifact } = await kbFrom(FIXTURES)
    return [MATCH_DEFAULTS, { ...MATCH_DEFAULTS, causeLast: 0 }].map(
      (o) => new Map(new Matcher(artifact, o).match({ text, limit: 5 }).results.map((h) => [h.id, h.score])),
    )
  }

  it("the wrapper's article loses for the words after its match; the innermost message's keeps its score and comes first", async () => {
    const [withRule, without] = await scores(line)
    assert.ok(withRule!.get(WRAPPER)! < without!.get(WRAPPER)!, `${withRule!.get(WRAPPER)} vs ${without!.get(WRAPPER)}`)
    assert.equal(withRule!.get(CAUSE), without!.get(CAUSE))
    assert.equal([...withRule!.keys()][0], CAUSE)
  })
  it('a sentence typed by a user is no chain: its order changes nothing', async () => {
    const [withRule, without] = await scores('docker pull says error response from daemon and then that the certificate is signed by an unknown authority')
    assert.deepEqual(withRule, without)
  })
})
