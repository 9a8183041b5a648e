import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { equivalentCodes } from '../src/core/match/codes.js'
import { W3cReader } from '../src/core/match/logformats.js'
import { type Matcher, codeConflict } from '../src/core/match/match.js'
import { NORMALIZERS, normalizeLine } from '../src/core/match/normalize.js'
import { calibrationWarning, MATCH_DEFAULTS, optionsDigest } from '../src/core/match/options.js'
import { readPaste } from '../src/core/match/paste.js'
import { literalCode, profileSymptom, quotedStrength, symptomParts, GAP } from '../src/core/match/profile.js'
import { CODE_PATTERNS, errorLikeness, extractCodes, hasQuietLevel } from '../src/core/match/signals.js'
import { kbFrom } from './helpers/kb.js'

describe('normalize: noise goes, what identifies the problem stays', () => {
  const cases: Array<[string, string]> = [
    ['2025-03-14 09:12:44,513 ERROR [exec-33] Poller - poll failed', 'ERROR [exec-33] Poller - poll failed'],
    ['[2025-09-14 23:41:17:511 UTC] 00000091 mfp.runtime.farm W heartbeat timed out', '[ UTC] mfp.runtime.farm W heartbeat timed out'],
    ['5/1/2024 10:00:00 AM Sm_AgentApi_Init Failed', 'Sm_AgentApi_Init Failed'],
    ['Jan 12 10:00:00 web01 nginx: upstream timed out (110: Connection timed out)', 'web01 nginx: upstream timed out (110: Connection timed out)'],
    ['request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 from 10.1.2.3:51234 failed', 'request from failed'],
    ['Faulting address 0x00007FF8A1B2C3D4 HRESULT 0x80070005', 'Faulting address HRESULT 0x80070005'],
    ['2009-03-17 20:32:26 - - - - - - - - - 7_Connections_Refused -', '- - - - - - - - - Connections_Refused -'],
    ['User: CONTOSO\\jdoe Computer: WEB07.contoso.com Event ID: 5011', 'Event ID: 5011'],
    ['pid=4412 tid 7781 w3wp.exe crashed', 'w3wp.exe crashed'],
    ['GET https://shop.example.com:8443/cart 503', 'GET /cart 503'],
    ['trace 7f3a9c2e1b4d8f6a0e5c3b2a1d9f8e7c-- sent', 'trace -- sent'],
    ['class AbstractAnnotationConfigDispatcherServletInitializer loaded', 'class AbstractAnnotationConfigDispatcherServletInitializer loaded'],
    ['from fe80:0:0:0:200:f8ff:fe21:67cf and ::1 refused', 'from and refused'],
    ['crash at 00007ff8`a1b2c3d4 in ntdll.dll', 'crash at in ntdll.dll'],
    // Symbolic error names with a digit in a word are names, not ids (kb lint's self-check found them blanked).
    ['Msg 8967, Level 16: DBCC4_ANTIMATTER_COLUMN_DETECTED in object 2105058535', 'Msg 8967, Level 16: DBCC4_ANTIMATTER_COLUMN_DETECTED in object 2105058535'],
    ['Error: QUERY2_CUBE_ILLEGAL_AGG_FUNC', 'Error: QUERY2_CUBE_ILLEGAL_AGG_FUNC'],
    ['correlation Ab3_9xYz_Q2w8_EeR7tYu1_io0P failed', 'correlation failed'],
    // Dates with their weekday go whole, not just their time: the day and month names differ from one line to the next.
    ['[Wed Oct 11 14:32:52.123456 2026] [core:error] [pid 9] AH00126: Invalid URI in request', '[ ] [core:error] [ ] AH00126: Invalid URI in request'],
    ['Mon Mar 02 09:15:00 CET 2026 SEVERE: Servlet.service() threw exception', 'SEVERE: Servlet.service() threw exception'],
    ['Date: Fri, 06 Mar 2026 08:00:00 GMT', 'Date:'],
    ['[Sun Feb 01 2026 ][CServer.cpp:1780][ERROR] handshake failed', '[ ][CServer.cpp:1780][ERROR] handshake failed'],
    // Weekday names alone are words.
    ['runs Mon Wed Fri at noon', 'runs Mon Wed Fri at noon'],
  ]
  for (const [input, expected] of cases) it(input, () => assert.equal(normalizeLine(input), expected))

  it('every step has a stable label', () => {
    const labels = NORMALIZERS.map((n) => n.label)
    assert.equal(new Set(labels).size, labels.length)
    assert.ok(labels.includes('counter-prefix') && labels.includes('iso-timestamp'))
  })
})

describe('signals: codes in canonical form, with their equivalents', () => {
  const cases: Array<[string, string[]]> = [
    ['HTTP Error 500.19 - Internal Server Error ... Error Code 0x8007000d', ['0x8007000d', 'win32 13', 'error_invalid_data', 'http 500.19', 'http 500']],
    ['sc-win32-status 6', ['win32 6', 'error_invalid_handle', '0x80070006']],
    [
      'System.Net.Sockets.SocketException (10055): An operation on a socket could not be performed',
      ['win32 10055', 'wsaenobufs', 'enobufs', '0x80072747', 'socketexception'],
    ],
    ['8007000d on iis after the copy', ['0x8007000d', 'win32 13', 'error_invalid_data']],
    ['crashed with C0000005', ['0xc0000005']],
    ['request id 8a3ed98f, build deadbeef', []],
    ['Error: connect ECONNREFUSED 10.0.0.4:1433', ['econnrefused', 'wsaeconnrefused', 'win32 10061', '0x8007274d']],
    ['Msg 10060, Level 16', ['error 10060', 'win32 10060', 'wsaetimedout', 'etimedout', '0x8007274c']],
    ['<EventID Qualifiers="0">36887</EventID>', ['event 36887']],
    ['Msg 18456, Level 14, State 1, Server SQL01, Line 1', ['error 18456']],
    ['java.net.SocketTimeoutException: Read timed out', ['sockettimeoutexception']],
    ['Status Code: 504 Gateway Time-out', ['http 504']],
    ['Sm_AgentApi_Init Failed', ['sm_agentapi_init']],
    ['nothing to see here', []],
  ]
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(new Set(extractCodes(text)), new Set(expected)))

  it('HRESULT, Win32 number and symbolic name are one code', () => {
    assert.deepEqual(equivalentCodes('0x80070005'), ['0x80070005', 'win32 5', 'error_access_denied'])
    assert.deepEqual(equivalentCodes('error_invalid_handle'), ['error_invalid_handle', 'win32 6', '0x80070006'])
  })

  it('error lines outweigh chatter and stack frames', () => {
    assert.ok(errorLikeness('2025-01-01 ERROR Poller - poll failed') > errorLikeness('2025-01-01 INFO Poller - polled 250 items'))
    assert.ok(errorLikeness('   at System.Web.HttpApplication.ExecuteStep()') < errorLikeness('System.Web.HttpException: Request timed out.'))
  })

  it("a pattern's hint never skips a text the pattern would find a code in", async () => {
    // Every line of every eval paste, plus the symptoms and codes of the bundled articles.
    const { readFile } = await import('node:fs/promises')
    const pastes = (await readFile(new URL('../eval/pastes.jsonl', import.meta.url), 'utf8')).trim().split('\n')
    const texts = pastes.flatMap((l) => (JSON.parse(l) as { text: string }).text.split('\n'))
    const kb = await kbFrom()
    for (const a of kb.artifact.articles) texts.push(...a.symptoms, ...a.errorCodes, a.title)
    let found = 0
    for (const text of texts) {
      for (const p of CODE_PATTERNS) {
        const codes = p.find(text)
        found += codes.length
        if (codes.length > 0) assert.ok(!p.hint || p.hint.test(text), `${p.kind} finds ${codes[0]} in ${JSON.stringify(text)} but its hint skips it`)
      }
    }
    assert.ok(found > 300, `${found} codes found in ${texts.length} texts`)
  })
})

describe('signals: linear-time expressions find what the quadratic ones found', () => {
  // The expressions as they were (each cost the square of a line's length on some shapes), as the reference.
  const QUIET_BEFORE = /^\W*(?:\S+\s+){0,3}\b(?:INFO|DEBUG|TRACE|VERBOSE|NOTICE)\b/
  const EXCEPTION_BEFORE = /\b(?:[A-Za-z_][\w]*\.)*([A-Z][\w]*(?:Exception|Error|Fault))\b/g
  it('the quiet level and the exception class: same answers on 20,000 random short lines', () => {
    let seed = 5
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const parts = [
      '.',
      ' ',
      '  ',
      '-',
      '[',
      ']',
      ':',
      '_',
      '1',
      'a',
      'x1',
      'B',
      'INFO',
      'DEBUG',
      'info',
      'Error',
      'Exception',
      'IOException',
      'Fault',
      'System',
      'Sock',
      '\t',
    ]
    let quiet = 0
    let codes = 0
    for (let n = 0; n < 20_000; n++) {
      const line = Array.from({ length: 1 + Math.floor(next() * 12) }, () => parts[Math.floor(next() * parts.length)]).join('')
      assert.equal(hasQuietLevel(line), QUIET_BEFORE.test(line), JSON.stringify(line))
      if (QUIET_BEFORE.test(line)) quiet++
      const want = [...line.matchAll(EXCEPTION_BEFORE)]
        .map((m) => m[1])
        .filter((c) => c !== 'Error')
        .map((c) => c!.toLowerCase())
      const got = CODE_PATTERNS.find((p) => p.kind === 'exception')!.find(line)
      assert.deepEqual(got, want, JSON.stringify(line))
      codes += got.length
    }
    assert.ok(quiet > 1000 && codes > 1000, `${quiet} quiet lines, ${codes} exception codes`)
  })
})

describe('log formats', () => {
  it('spells out W3C status, substatus and win32 status from the #Fields header', () => {
    const r = new W3cReader()
    assert.equal(r.explain('#Fields: date time s-ip cs-method cs-uri-stem sc-status sc-substatus sc-win32-status time-taken'), '')
    assert.equal(r.explain('2024-03-01 10:00:01 10.1.2.3 GET /app/ 500 19 13 31'), 'HTTP 500 substatus 19 win32 status 13 HTTP 500.19')
  })
  it('reads the default IIS layout without a header, and HTTPERR reasons', () => {
    assert.equal(new W3cReader().explain('2024-03-01 10:00:01 10.1.2.3 GET /x - 80 - 10.9.8.7 Mozilla/5.0 - 403 0 6 15'), 'HTTP 403 win32 status 6')
    const httperr = new W3cReader()
    httperr.explain('#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename')
    assert.equal(httperr.explain('2025-03-14 09:12:44 203.0.113.45 51234 10.40.1.15 443 HTTP/1.1 GET /api - 503 3 QueueFull OrdersApi'), 'HTTP 503 QueueFull')
  })
})

describe('article profiles', () => {
  it('placeholders in quoted messages become gaps a pasted value fills', () => {
    const s = profileSymptom("Application pool '<pool>' is being automatically disabled")
    assert.deepEqual(s.terms.slice(0, 3), ['applic', 'pool', GAP])
    assert.ok(s.terms.includes('automat'))
    assert.ok(!s.termSet.has('pool>'))
  })
  it('literal codes match whole words; short numbers need a word that makes them codes', () => {
    assert.ok(literalCode('QueueFull')!.pattern.test('503 3 QueueFull OrdersApi'))
    assert.ok(!literalCode('QueueFull')!.pattern.test('QueueFullness'))
    assert.ok(literalCode('511')!.pattern.test('Msg 511, Level 16'))
    assert.ok(!literalCode('511')!.pattern.test('took 511 ms'))
    assert.equal(literalCode('6'), undefined)
  })
  it('a number after `=` is a value, not the code it spells', () => {
    assert.ok(literalCode('1000')!.pattern.test('Application Error 1000'))
    assert.ok(!literalCode('1000')!.pattern.test('CurrentQueueSize=1000'))
    assert.ok(!literalCode('1000')!.pattern.test('maxConnections = 1000'))
  })
  it('a message quoted in a symptom is also matched on its own; event exports and URLs are not split', () => {
    const parts = symptomParts('Application Error 1000: "Faulting application name: w3wp.exe" with exception code 0xc0000005.')
    assert.equal(parts.length, 2)
    assert.equal(parts[1]!.text, parts[0]!.text, 'a part reports the whole symptom')
    assert.deepEqual(parts[1]!.terms.slice(0, 3), ['fault', 'applic', 'name'])
    assert.equal(parts[1]!.quoted, true)
    assert.equal(symptomParts('Log Name: System\nSource: "WAS"\n<Data Name="AppPoolID">DefaultAppPool</Data>').length, 1)
    assert.equal(symptomParts('Requests to "http://contoso.com/somepage.aspx" fail').length, 1)
    assert.equal(symptomParts("IIS Manager shows 'The process cannot access the file' when the site starts").length, 2)
    assert.equal(symptomParts("it doesn't start and the pool isn't running").length, 1, 'apostrophes are not quotes')
  })
  it('each line of a verbatim block that is an error message is matched on its own; frames, names and values are not', () => {
    const block = [
      'Traceback (most recent call last):',
      '  File "/srv/etl/load.py", line 88, in run',
      '    conn = psycopg2.connect(dsn)',
      'psycopg2.OperationalError: could not connect to server: Connection refused',
      '"exception.class":"Excon::Error::Socket",',
    ].join('\n')
    const parts = symptomParts(block)
    const lines = parts.slice(1).map((p) => p.terms.join(' '))
    assert.ok(
      lines.some((l) => /\bconnect server connect refus$/.test(l)),
      lines.join(' | '),
    )
    assert.ok(!lines.some((l) => /load\.py|psycopg2\.connect|excon/.test(l)), lines.join(' | '))
    assert.ok(parts.slice(1).every((p) => p.quoted && p.text === block))
  })
  it('a quoted message is worth what it says: nothing for a label, a whole symptom for a rare message', () => {
    assert.equal(quotedStrength(0.5), 0)
    assert.ok(quotedStrength(2.2) > 0.4 && quotedStrength(2.2) < 0.6)
    assert.equal(quotedStrength(5), 1)
  })
  it('naming a different code of a specific kind is evidence against', () => {
    assert.equal(codeConflict(['0x800700b7'], new Set(['0x8007000d'])), true)
    assert.equal(codeConflict(['0x8007000d'], new Set(['0x8007000d', '0x80070021'])), false)
    assert.equal(codeConflict(['http 503'], new Set(['http 500'])), false, 'a bare status is not specific')
  })
})

describe('options: the calibration records the options it was fitted with', () => {
  it('the defaults are the options the calibration was fitted with (a changed option means refitting: npm run eval)', () => {
    assert.equal(optionsDigest(), MATCH_DEFAULTS.calibration.optionsDigest)
    assert.equal(calibrationWarning(), undefined)
  })
  it('changing any scoring option changes the digest and warns; the threshold and the calibration do not', () => {
    const changed = { ...MATCH_DEFAULTS, codeWeights: { ...MATCH_DEFAULTS.codeWeights, rare: 0.7 } }
    assert.notEqual(optionsDigest(changed), optionsDigest())
    assert.match(calibrationWarning(changed)!, /^the matching options \(digest [0-9a-f]{8}\) differ from those the calibration was fitted with \([0-9a-f]{8}\)/)
    assert.equal(optionsDigest({ ...MATCH_DEFAULTS, confidenceThreshold: 0.6, calibration: { slope: 1, intercept: 0, optionsDigest: 'x' } }), optionsDigest())
    const reordered = Object.fromEntries(Object.entries(MATCH_DEFAULTS).reverse()) as typeof MATCH_DEFAULTS
    assert.equal(optionsDigest(reordered), optionsDigest(), 'the order options are written in does not matter')
  })
})

describe('Matcher over the bundled KB', () => {
  let m: Matcher
  before(async () => {
    m = (await kbFrom()).matcher
  })

  it('finds the article from an Event Viewer export, with the symptom and line that matched', () => {
    const paste = [
      'Log Name:      Application',
      'Source:        SiteMinder Web Agent',
      'Date:         3/14/2025 6:02:11 AM',
      'Event ID:      0',
      'Level:         Error',
      'Computer:      WEBFARM-07.corp.example',
      'Description:',
      'Sm_AgentApi_Init Failed',
    ].join('\n')
    const r = m.match({ text: paste, limit: 3 })
    assert.equal(r.results[0]?.id, 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections')
    assert.equal(r.noConfidentMatch, false)
    assert.equal(r.results[0]?.matchedSymptoms[0]?.line, 'Sm_AgentApi_Init Failed')
  })

  it('reads a counter-prefixed HTTPERR line', () => {
    const r = m.match({ text: '2011-06-02 04:17:33 - - - - - - - - - 12_Connections_Refused -', limit: 3 })
    assert.equal(r.results[0]?.id, 'iis6-connections-refused-nonpaged-pool')
    assert.ok(r.results[0]?.matchedErrorCodes.includes('connections_refused'))
  })

  it('finds the error line in 40 KB of log chatter', () => {
    const chatter = Array.from(
      { length: 600 },
      (_, i) => `2025-06-01 10:${String(i % 60).padStart(2, '0')}:00,123 INFO [worker-${i % 8}] Sync - processed batch ${i} of orders (${i * 7} rows)`,
    )
    chatter.splice(
      300,
      0,
      '2025-06-01 10:30:00,001 ERROR [worker-3] Db - System.Net.Sockets.SocketException (10055): An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full',
    )
    const text = chatter.join('\n')
    assert.ok(text.length > 40_000, `paste is ${text.length} bytes`)
    const r = m.match({ text, limit: 3 })
    assert.equal(r.results[0]?.id, 'windows-tcp-ephemeral-port-exhaustion')
    assert.equal(r.noConfidentMatch, false)
    assert.match(r.signals.errorLines[0] ?? '', /SocketException \(10055\)/)
    // Triage: the chatter far from the error line is not read, and the response says how much.
    assert.ok(r.signals.skippedLines >= 590 && r.signals.skippedLines < 600, `skipped ${r.signals.skippedLines}`)
  })

  it('triage of a long IIS log keeps the rows whose status columns say error', () => {
    const row = (i: number, status: string) =>
      `2025-06-01 10:00:${String(i % 60).padStart(2, '0')} 10.0.0.5 GET /shop/item${i} - 443 - 192.0.2.${i % 250} Mozilla/5.0 - ${status} ${i}`
    const rows = [
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
    ]
    for (let i = 0; i < 400; i++) rows.push(row(i, i === 250 ? '500 19 13' : '200 0 0'))
    const r = m.match({ text: rows.join('\n'), limit: 3 })
    assert.equal(r.results[0]?.id, 'iis-500-19-0x8007000d-invalid-config')
    assert.ok(r.signals.skippedLines > 380, `skipped ${r.signals.skippedLines}`)
  })

  it('triage passes over lowercase snake_case names in chatter but reads a mixed-case identifier', () => {
    const chatter = Array.from({ length: 300 }, (_, i) =>
      i % 5 === 0
        ? `2025-06-01 10:00:${String(i % 60).padStart(2, '0')} INFO [pool-1] Auth - session ${i} opened for user svc_portal (max_pool_size=${i})`
        : `2025-06-01 10:00:${String(i % 60).padStart(2, '0')} INFO [pool-1] Sync - processed batch ${i} of orders`,
    )
    chatter[100] = '2025-06-01 10:01:40 ERROR [pool-1] Db - connection refused'
    const p = readPaste(chatter.join('\n'))
    assert.equal(p.lines.length, 5, 'the error line and two lines either side, no svc_portal line beyond them')
    assert.equal(p.skippedLines, 295)
    chatter[200] = '2025-06-01 10:03:20 INFO [pool-1] Agent - Sm_AgentApi_Init returned -1'
    const q = readPaste(chatter.join('\n'))
    assert.equal(q.lines.length, 10, 'the identifier line is read too, with its neighbours')
    assert.ok(q.codes.includes('sm_agentapi_init'), q.codes.join(' '))
  })

  it('reads every line of a long paste when no line looks like an error', () => {
    const text = Array.from({ length: 300 }, (_, i) => `step ${i}: copied file ${i} of 300`).join('\n')
    assert.equal(readPaste(text).skippedLines, 0)
    assert.equal(readPaste(text).lines.length, 300)
  })

  it('says honestly when nothing fits', () => {
    for (const text of [
      'hi can someone help me please',
      'Back-off restarting failed container app in pod web-5d9c7 (CrashLoopBackOff)',
      "ModuleNotFoundError: No module named 'pandas'",
    ]) {
      const r = m.match({ text, limit: 3 })
      assert.equal(r.noConfidentMatch, true, text)
      for (const h of r.results) assert.ok(h.confidence < 0.5, `${text}: ${h.id} ${h.confidence}`)
    }
  })

  it('corrects typos in short typed pastes', () => {
    const r = m.match({ text: 'sitemindr agent wont start after rebooot, event viewer says init failed', limit: 3 })
    assert.equal(r.results[0]?.id, 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections')
  })

  it('returns the same answer for the same paste (deterministic), with confidences in [0, 1]', () => {
    const text = 'HTTP Error 503. The service is unavailable.\nEvent ID: 5002 application pool disabled'
    const a = m.match({ text, limit: 5 })
    assert.deepEqual(m.match({ text, limit: 5 }), a)
    for (const h of a.results) assert.ok(h.confidence >= 0 && h.confidence <= 1)
    assert.deepEqual(
      a.results.map((h) => h.score),
      [...a.results.map((h) => h.score)].sort((x, y) => y - x),
    )
  })

  it('skipping candidates that cannot reach the results changes no answer', async () => {
    // With a limit above the number of candidates nothing is skipped: the first five must be the same.
    const { readFile } = await import('node:fs/promises')
    const pastes = (await readFile(new URL('../eval/pastes.jsonl', import.meta.url), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text)
    let compared = 0
    for (const text of pastes) {
      const all = m.match({ text, limit: 500 }).results
      if (all.length <= 5) continue
      assert.deepEqual(m.match({ text, limit: 5 }).results, all.slice(0, 5), text.slice(0, 80))
      compared++
    }
    assert.ok(compared > 50, `compared ${compared} pastes with more than 5 candidates`)
  })
  it('treats every Lunr special character in a paste as text', () => {
    const r = m.match({ text: 'title:foo +bar -baz ~ ^2 * : \\ "unclosed [ { < Sm_AgentApi_Init', limit: 3 })
    assert.equal(r.results[0]?.id, 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections')
  })

  it('matches a message an article quotes inside a longer symptom, and reports that symptom', () => {
    const r = m.match({ text: 'Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0x5b9c2c4e', limit: 3 })
    assert.equal(r.results[0]?.id, 'iis-w3wp-crash-was-5011-5009')
    assert.match(r.results[0]!.matchedSymptoms[0]!.symptom, /^Application log, Application Error 1000: "Faulting application name: w3wp.exe"/)
    assert.match(r.results[0]!.matchedSymptoms[0]!.line, /^Faulting application name/)
    const alb = m.match({ text: 'server: awselb/2.0', limit: 3 })
    assert.equal(alb.results[0]?.id, 'lb-502-504-idle-timeout-keepalive-mismatch')
    assert.equal(alb.noConfidentMatch, false, 'the header an article quotes verbatim is enough')
  })

  it('records how error-like the lines naming each code are, so codes met only in chatter count less', () => {
    const p = readPaste(
      ['2025-04-02 14:04:14 INFO Watch - Sm_AgentApi_Init returned 0', '2025-04-02 14:04:15 ERROR Probe - GET /health -> HTTP 503 Service Unavailable'].join(
        '\n',
      ),
    )
    assert.equal(p.codeLines.get('sm_agentapi_init'), 0)
    assert.ok(p.codeLines.get('http 503')! >= 0.9)
  })

  it('an article listing a bare status number gains no more from it than from the status itself', () => {
    // nginx-504 lists "504"; lb-502-504 lists "HTTP 504": a paste naming HTTP 504 weighs them alike.
    const r = m.match({ text: 'Status Code: 504 Gateway Time-out', limit: 10 })
    const nginx = r.results.find((h) => h.id === 'nginx-504-upstream-timed-out-110')
    assert.deepEqual(nginx?.matchedErrorCodes, ['http 504'])
  })

  it('reads Windows (CRLF), old Mac (CR) and Unix line ends alike', () => {
    const lines = ['2025-03-14 09:12:44 ERROR Poller - poll failed 0x80070005', '   at Contoso.Poller.Run()', '', 'Event ID: 5002 application pool disabled']
    const unix = readPaste(lines.join('\n'))
    assert.equal(unix.lines.length, 3)
    for (const eol of ['\r\n', '\r']) assert.deepEqual(readPaste(lines.join(eol)), unix, JSON.stringify(eol))
  })

  it('reads a long paste in bounded lines', () => {
    const p = readPaste('x\n'.repeat(10_000))
    assert.ok(p.lines.length <= 4000)
  })
})
