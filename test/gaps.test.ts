/**
 * Knowledge gaps (core/insights): which line of a question is mined, which codes keep questions
 * apart, how values are routed, what the miner costs on adversarial input, how ids last as a
 * group grows, what products and file name a gap's draft gets. Questions are written as stored
 * (trimmed lines, redacted placeholders) with the codes the matcher reads from the whole paste
 * (extractCodes), from Python, Java, .NET, Node, Go, PHP, Ruby, Rust, SQL Server, Windows events,
 * IIS, PostgreSQL, sudo, bash, cmd.exe, systemd, Kubernetes, the Linux kernel and sshd; one case goes
 * through the matcher and storedQuestion.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { articleSlug } from '../src/core/article-slug.js'
import { draftArticle, draftMarker, draftSlug } from '../src/core/insights/draft.js'
import { type Gap, type GapQuestion, groupGaps, isFrameLine, lineCodes, minedLine, productCodes } from '../src/core/insights/gaps.js'
import { parseSince } from '../src/core/insights/since.js'
import { defaultTemplateOptions, mineTemplates, templateTokens } from '../src/core/insights/templates.js'
import { extractCodes } from '../src/core/match/signals.js'
import { questionLines, storedQuestion } from '../src/runtime/events/record.js'
import { kbFrom } from './helpers/kb.js'

const T0 = Date.parse('2026-11-01T00:00:00Z')

/** Pastes as questions, a minute apart, in order: stored lines trimmed, codes read from the whole paste. */
function asked(pastes: readonly string[], productsOf: (code: string) => readonly string[] = () => []): Gap[] {
  const questions: GapQuestion[] = pastes.map((p, i) => ({
    at: new Date(T0 + i * 60_000),
    kind: 'match',
    text: p
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n'),
    codes: extractCodes(p),
    rejected: false,
  }))
  return groupGaps(questions, productsOf).gaps
}

/** Pastes as questions through the matcher, as the routes store them: the lines it read as the error (or the first 20), the codes it read. */
async function viaMatcher(pastes: readonly string[]): Promise<GapQuestion[]> {
  const kb = await kbFrom()
  return pastes.map((text, i) => {
    const r = kb.matcher.match({ text, limit: 5 })
    const lines = questionLines(r.signals.errorLines, text)
    return { at: new Date(T0 + i * 60_000), kind: 'match', text: storedQuestion(lines), codes: r.signals.errorCodes, rejected: false }
  })
}

/** The templates of some lines mined alone, with their members. */
const templatesOf = (lines: readonly string[]) => mineTemplates(lines.map((text) => ({ text }))).groups.map((g) => [g.template, g.members])

describe('the cost of mining is bounded whatever the tokens', () => {
  it('cuts every token at maxTokenChars, so a long token costs what a word does', () => {
    assert.equal(defaultTemplateOptions.maxTokenChars, 100)
    const tokens = templateTokens(`${'a'.repeat(2000)} ok ${'b/'.repeat(5000)}`)
    assert.deepEqual(
      tokens.map((t) => t.length),
      [100, 2, 100],
    )
    assert.ok(templateTokens('x'.repeat(40_000), 64, 7)[0] === 'xxxxxxx')
  })

  it('groups 5,000 questions of one 2,000-character word each (ran 9.8 s before), and every template token is bounded', () => {
    const word = (i: number) => i.toString(36).replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!)
    const pastes = Array.from({ length: 5000 }, (_, i) => 'x'.repeat(1990) + word(i + 100_000))
    const questions: GapQuestion[] = pastes.map((text, i) => ({ at: new Date(T0 + i * 1000), kind: 'search', text, codes: [], rejected: false }))
    const { gaps, overflow } = groupGaps(questions, () => [])
    assert.equal(gaps.reduce((n, g) => n + g.count, 0) + overflow, 5000)
    for (const g of gaps) assert.ok(g.template.length <= defaultTemplateOptions.maxTokenChars, g.template.slice(0, 40))
  })
})

describe('a value routes as it compares, in the first tokens too', () => {
  const pairs: Array<[string, string, string]> = [
    [
      "'alice' is not in the sudoers file. This incident will be reported.",
      "'bob' is not in the sudoers file. This incident will be reported.",
      '<*> is not in the sudoers file. This incident will be reported.',
    ],
    [
      'Database "Sales" cannot be opened due to inaccessible files or insufficient memory or disk space.',
      'Database "HR" cannot be opened due to inaccessible files or insufficient memory or disk space.',
      'Database <*> cannot be opened due to inaccessible files or insufficient memory or disk space.',
    ],
    ['bash: /opt/app/run.sh: Permission denied', 'bash: /usr/local/bin/deploy: Permission denied', 'bash: <*> Permission denied'],
    ['Request <id> timed out after 30s', 'Request a1b2c3d4e5f6 timed out after 30s', 'Request <*> timed out after 30s'],
    [
      "'node' is not recognized as an internal or external command, operable program or batch file.",
      "'npm' is not recognized as an internal or external command, operable program or batch file.",
      '<*> is not recognized as an internal or external command, operable program or batch file.',
    ],
    ['user=alice: access denied to the resource', 'user=bob: access denied to the resource', '<*> access denied to the resource'],
    [
      'https://api.example.com/v1 returned 503 Service Unavailable',
      'https://billing.example.com/ returned 503 Service Unavailable',
      '<*> returned 503 Service Unavailable',
    ],
  ]
  for (const [a, b, template] of pairs) {
    it(`one template: ${template}`, () => {
      assert.deepEqual(templatesOf([a, b]), [[template, [0, 1]]])
    })
  }

  it('words that differ still keep lines apart', () => {
    assert.equal(templatesOf(["'alice' is not in the sudoers file.", "'alice' is not in the wheel group."]).length, 2)
    assert.equal(templatesOf(['bash: /opt/run.sh: Permission denied', 'bash: /opt/run.sh: Operation denied']).length, 2)
  })
})

describe('a name where a name is written is a value; a word there still keeps errors apart', () => {
  const oom = (pid: number, name: string, vm: number) =>
    `Out of memory: Killed process ${pid} (${name}) total-vm:${vm}kB, anon-rss:${vm >> 1}kB, file-rss:0kB, shmem-rss:0kB`
  const backOff = (container: string, pod: string) => `Back-off restarting failed container ${container} in pod ${pod}`

  it('systemd units: one failure of any unit is one gap, a unit type being a unit', () => {
    const gaps = asked([
      "nginx.service: Failed with result 'exit-code'.",
      "redis-server.service: Failed with result 'exit-code'.",
      "docker.socket: Failed with result 'exit-code'.",
      "srv-backup.mount: Failed with result 'exit-code'.",
      'Failed to start nginx.service: Unit nginx.service not found.',
      'Failed to start php-fpm.service: Unit php-fpm.service not found.',
      'Job for nginx.service failed because the control process exited with error code.',
      'Job for haproxy.service failed because the control process exited with error code.',
    ])
    assert.deepEqual(
      gaps.map((g) => [g.template, g.count]),
      [
        ["<*> Failed with result 'exit-code'.", 4],
        ['Job for <*> failed because the control process exited with error code.', 2],
        ['Failed to start <*> Unit <*> not found.', 2],
      ],
    )
  })

  it('a process named in parentheses after its pid: one OOM kill, one core dump, whichever process', () => {
    const gaps = asked([
      oom(4242, 'java', 8123456),
      oom(917, 'postgres', 2123456),
      oom(30211, 'node', 1523001),
      'Process 3121 (nginx) of user 0 dumped core.',
      'Process 88 (php-fpm) of user 33 dumped core.',
    ])
    assert.deepEqual(
      gaps.map((g) => [g.template, g.count]),
      [
        ['Out of memory: Killed process <*> <*> <*> <*> file-rss:0kB, shmem-rss:0kB', 3],
        ['Process <*> <*> of user <*> dumped core.', 2],
      ],
    )
  })

  it('a name after the noun that introduces it: a container in a pod, a user from an address', () => {
    const gaps = asked([
      backOff('api', 'web-7d4b9c6f8-x2x9z_default(8a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d)'),
      backOff('worker', 'jobs-5f6a7b8c9-k8s9t_batch(1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b)'),
      backOff('istio-proxy', 'web-7d4b9c6f8-q7w8e_default(9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a)'),
      'Failed password for invalid user admin from <ip> port 51234 ssh2',
      'Failed password for invalid user oracle from <ip> port 40122 ssh2',
    ])
    assert.deepEqual(
      gaps.map((g) => [g.template, g.count]),
      [
        ['Back-off restarting failed container <*> in pod <*>', 3],
        ['Failed password for invalid user <*> from <ip> port <*> ssh2', 2],
      ],
    )
  })

  it('different errors written around a name stay apart: another result, another word, another kind of name', () => {
    // The same unit slot, other results (quoted, so values to the miner: the line's key tells them apart).
    assert.equal(
      asked([
        "nginx.service: Failed with result 'exit-code'.",
        "redis-server.service: Failed with result 'oom-kill'.",
        "nginx.service: Failed with result 'timeout'.",
        "cron.service: Failed with result 'core-dump'.",
      ]).length,
      4,
    )
    const apart: Array<[string, string]> = [
      // Other words around the same slot.
      ['Failed to start nginx.service: Unit nginx.service not found.', 'Failed to start redis.service: Unit redis.service is masked.'],
      [backOff('api', 'web-7d4b9c6f8-x2x9z'), 'Liveness probe failed for container api in pod web-7d4b9c6f8-x2x9z'],
      ['Failed password for invalid user admin from <ip> port 51234 ssh2', 'Failed publickey for invalid user admin from <ip> port 51234 ssh2'],
      // A class's own name is no dotted name: its last part is capitalized.
      ['Exception in thread "main" java.lang.NullPointerException', 'Exception in thread "main" java.lang.IllegalStateException'],
      // Dotted names of two kinds (members `map` and `filter`) are no one slot.
      ['TypeError: data.map is not a function', 'TypeError: data.filter is not a function'],
      // In parentheses after a number, a constant or a capitalized word says the error, not a process.
      ['received signal 11 (SIGSEGV) in worker', 'received signal 6 (SIGABRT) in worker'],
      ['Error from server (NotFound): pods "web-1" not found', 'Error from server (Forbidden): pods "web-1" not found'],
      // After a naming noun, a participle or a compound's noun is no name.
      ['Back-off restarting failed container api in pod web-1', 'Back-off restarting failed container restarted in pod web-1'],
      ['Failed to pull container image from <host>', 'Failed to pull container manifest from <host>'],
      // A name differs from a word in its place, or a name in another slot.
      ['Killed process 4242 (java) total-vm:1kB', 'Killed process 4242 (Web) total-vm:1kB'],
      ['nginx.service: Start request repeated too quickly.', 'clr.dll: Start request repeated too quickly.'],
    ]
    for (const pair of apart) assert.equal(templatesOf(pair).length, 2, pair.join(' | '))
  })

  it('once names of a slot made a group, a word in that slot still starts its own', () => {
    assert.deepEqual(templatesOf([backOff('api', 'web-1'), backOff('worker', 'web-2'), backOff('restarted', 'web-3'), backOff('sidecar', 'web-4')]), [
      ['Back-off restarting failed container <*> in pod <*>', [0, 1, 3]],
      ['Back-off restarting failed container restarted in pod web-3', [2]],
    ])
  })
})

describe('codes that are values do not split an error', () => {
  // Windows Event 1000: the modules' link time stamps (`time stamp: 0x…`) read as HRESULT-like codes.
  const crash = (app: string, mod: string) => `Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0x${app}
Faulting module name: clr.dll, version: 4.8.4400.0, time stamp: 0x${mod}
Exception code: 0xc00000fd
Fault offset: 0x00000000000a1b2c
Faulting process id: 0x1a2c`

  it('keys on the codes written in the mined line, outside quoted text', () => {
    assert.deepEqual(lineCodes('Exception code: 0xc00000fd'), ['0xc00000fd'])
    assert.deepEqual(lineCodes('Cannot open database "Sales_2024" requested by the login.'), [])
    assert.deepEqual(lineCodes("Invalid column name 'Order_Date'."), [])
    assert.deepEqual(lineCodes("Login failed for user '<user>'. (18456)"), ['error 18456'])
    assert.deepEqual(lineCodes('HTTP Error 500.19 - Internal Server Error'), ['http 500', 'http 500.19'])
    assert.deepEqual(lineCodes("can't open 'x': Error 0x80070005"), ['0x80070005', 'error_access_denied', 'win32 5'])
  })

  it('one Event 1000 crash of three module builds is one gap, one slug, as the matcher reads and stores it', async () => {
    const gaps = groupGaps(await viaMatcher([crash('5b9c9b3d', '5e7d1d4d'), crash('5b9c9b3d', '61a2b3c4'), crash('a1b2c3d4', '5e7d1d4d')]), () => []).gaps
    assert.deepEqual(
      gaps.map((g) => [g.template, g.count, draftSlug(g)]),
      [['Exception code: 0xc00000fd', 3, 'exception-code-0xc00000fd']],
    )
    // The codes listed (a draft's error_codes) leave the time stamps out too.
    assert.ok(gaps[0]!.codes.includes('0xc00000fd'), gaps[0]!.codes.join())
    assert.deepEqual(
      gaps[0]!.codes.filter((c) => /5b9c9b3d|5e7d1d4d|61a2b3c4/.test(c)),
      [],
    )
  })

  it('a time stamp is a value: 8 hex digits without the failure bit; a crash is keyed by its exception code', () => {
    const gaps = asked([crash('5b9c9b3d', '5e7d1d4d'), crash('5c1a8e0b', '61a2b3c4'), crash('4f1e2d3c', '5e7d1d4d')])
    // (the record's first line that reads like an error: `Faulting application name:` says none, and
    // every application crash of every kind would be one gap)
    assert.deepEqual(
      gaps.map((g) => [g.template, g.count]),
      [['Exception code: 0xc00000fd', 3]],
    )
    const other = asked([crash('5b9c9b3d', '5e7d1d4d'), crash('5c1a8e0b', '61a2b3c4').replace('0xc00000fd', '0xc0000005')])
    assert.equal(other.length, 2)
    assert.deepEqual(lineCodes('Exception code: 0xe0434352, time stamp: 0x5b9c9b3d'), ['0xe0434352'])
  })

  it('names in quotes that look like codes are values: one gap per error', () => {
    const gaps = asked([
      'Cannot open database "Sales_2023" requested by the login. The login failed.',
      'Cannot open database "Sales_2024" requested by the login. The login failed.',
      'Cannot open database "ORDERS" requested by the login. The login failed.',
      "Invalid column name 'Order_Date'.",
      "Invalid column name 'Ship_Date'.",
    ])
    assert.deepEqual(
      gaps.map((g) => [g.template, g.count]),
      [
        ['Cannot open database <*> requested by the login. The login failed.', 3],
        ['Invalid column name <*>', 2],
      ],
    )
  })

  it('codes written in the line still keep errors apart', () => {
    const gaps = asked([
      "Login failed for user '<user>'. (18456)",
      "Login failed for user '<user>'. (18452)",
      'HTTP Error 500.19 - Internal Server Error',
      'HTTP Error 500.21 - Internal Server Error',
    ])
    assert.equal(gaps.length, 4)
  })
})

describe('how a process or request ended keeps errors apart; a value with spaces does not split one', () => {
  it('exit statuses, systemd results and HTTP statuses written as values are keys', () => {
    const pairs = [
      ['app.service: Main process exited, code=exited, status=1/FAILURE', 'app.service: Main process exited, code=killed, status=9/KILL'],
      ['Container app exited with code 137', 'Container app exited with code 1'],
      [
        '10.0.0.1 - - [01/Dec/2026:10:00:00 +0000] "GET /api/orders HTTP/1.1" 502 157',
        '10.0.0.1 - - [01/Dec/2026:10:00:00 +0000] "GET /api/orders HTTP/1.1" 404 157',
      ],
      ['upstream returned statuscode: 503 for route r1', 'upstream returned statuscode: 500 for route r1'],
    ]
    for (const pair of pairs) assert.equal(asked(pair).length, 2, pair.join(' | '))
  })

  it('the same outcome with other values is one gap', () => {
    const gaps = asked([
      'Container api-7f9c2 exited with code 137',
      'Container web-1a2b3 exited with code 137',
      '10.0.0.7 - - [02/Dec/2026:11:00:00 +0000] "GET /api/items/17 HTTP/1.1" 502 157',
      '10.0.0.9 - - [02/Dec/2026:11:05:00 +0000] "POST /api/items/99 HTTP/2.0" 502 301',
    ])
    assert.deepEqual(
      gaps.map((g) => g.count),
      [2, 2],
    )
  })

  it('quoted text with spaces is one token, so a path with spaces is a value like any other', () => {
    assert.deepEqual(templateTokens(`Could not find file 'C:\\Program Files\\Contoso App\\app.config'. It can't load`), [
      'Could',
      'not',
      'find',
      'file',
      `'C:\\Program Files\\Contoso App\\app.config'.`,
      'It',
      "can't",
      'load',
    ])
    const gaps = asked([
      "System.IO.FileNotFoundException: Could not find file 'C:\\Program Files\\Contoso App\\app.config'.",
      "System.IO.FileNotFoundException: Could not find file 'D:\\svc\\app.config'.",
      'System.IO.FileNotFoundException: Could not find file "C:\\Users\\Jane Q Doe\\AppData\\Local\\x.json".',
    ])
    assert.equal(gaps.length, 1, JSON.stringify(gaps.map((g) => g.template)))
  })
})

describe('the mined line is the error, not a stack frame or a header', () => {
  const py = (last: string, source = true) =>
    [
      'Traceback (most recent call last):',
      '  File "/srv/app/worker.py", line 88, in run',
      ...(source ? ['    result = handler(payload)'] : []),
      '  File "/srv/app/handlers.py", line 12, in handler',
      ...(source ? ['    raise ConnectionError(msg)'] : []),
      last,
    ].join('\n')

  it('skips frames of many languages, and not English that starts like one', () => {
    const frames = [
      'at com.acme.orders.Validator.validate(Validator.java:42)',
      'at Contoso.Data.Repo.Save() in C:\\src\\Repo.cs:line 42',
      'at Object.<anonymous> (/app/index.js:3:5)',
      'at async Promise.all (/app/x.js:1:1)',
      'at /app/node_modules/pg/lib/client.js:132:18',
      'at src/main.rs:5:5',
      'File "/srv/app/worker.py", line 88, in run',
      "from /app/lib/client.rb:10:in 'call'",
      '#0 /var/www/html/index.php(12): PDO->__construct()',
      '#1  0x00007f3a in raise () from /lib/x86_64-linux-gnu/libc.so.6',
      '3: std::rt::lang_start_internal',
      '/app/main.go:12 +0x1d',
      'main.(*Server).Run(0xc000010000)',
      '... 12 more',
      '#1 {main}',
      '7: 0x55d2c3 - <unknown>',
    ]
    for (const f of frames) assert.equal(isFrameLine(f), true, f)
    const notFrames = [
      'at least one replica is unavailable',
      'at 10:30 the backup failed with error 0x80070070',
      'at least (sometimes) it fails',
      'KeyError: <*>',
      'Exception in thread "main" java.lang.NullPointerException',
      "thread 'main' panicked at src/main.rs:2:5:",
      'panic: runtime error: index out of range [5] with length 3',
      '#5 build failed: exit code 1',
      '1: app.config is missing',
      '110: Connection timed out',
    ]
    // A long line costs its length: the shapes are matched one way only.
    for (const long of [`at ${'/'.repeat(20_000)}`, `at x (${'/'.repeat(20_000)}`, `from ${'a:'.repeat(10_000)}`, `${'/'.repeat(20_000)}:x`])
      assert.equal(isFrameLine(long), false)
    for (const l of notFrames) assert.equal(isFrameLine(l), false, l)
  })

  it('picks the error of a traceback, after its header, frames and their source lines', () => {
    assert.equal(minedLine(py("KeyError: 'user_id'")), "KeyError: 'user_id'")
    assert.equal(minedLine(py('ZeroDivisionError: division by zero', false)), 'ZeroDivisionError: division by zero')
    // The last line after a frame is the error even without a source line (`<stdin>`).
    assert.equal(
      minedLine('Traceback (most recent call last):\nFile "<stdin>", line 1, in <module>\nNameError: name \'x\' is not defined'),
      "NameError: name 'x' is not defined",
    )
    // Python 3.11 markers.
    assert.equal(
      minedLine('Traceback (most recent call last):\nFile "/a.py", line 3, in f\nreturn a / b\n~~^~~\nZeroDivisionError: division by zero'),
      'ZeroDivisionError: division by zero',
    )
    // A .NET trace pasted from its frames, its exception last.
    assert.equal(
      minedLine(
        'at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection)\n--- End of stack trace from previous location ---\nSystem.Data.SqlClient.SqlException (0x80131904): Login failed for user <user>.',
      ),
      'System.Data.SqlClient.SqlException (0x80131904): Login failed for user <user>.',
    )
    // Go, from the goroutine header.
    assert.equal(minedLine('goroutine 1 [running]:\nmain.main()\n/app/main.go:12 +0x1d\nexit status 2'), 'exit status 2')
    // An error first (Java, Node, PHP): itself.
    assert.equal(
      minedLine('Exception in thread "main" java.lang.IllegalStateException: closed\nat a.B.c(B.java:1)'),
      'Exception in thread "main" java.lang.IllegalStateException: closed',
    )
    assert.equal(
      minedLine('PHP Fatal error: Uncaught Exception: boom in /var/www/a.php:3\nStack trace:\n#0 {main}'),
      'PHP Fatal error: Uncaught Exception: boom in /var/www/a.php:3',
    )
    // Nothing but frames (a traceback cut before its error): the last frame, not the header.
    assert.equal(minedLine('Traceback (most recent call last):\nFile "/a.py", line 3, in f\ng()\nFile "/b.py", line 9, in g'), 'File "/b.py", line 9, in g')
    assert.equal(minedLine(''), '')
  })

  it('unrelated tracebacks are apart, one exception with other values one gap', () => {
    const gaps = asked([
      py('RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB'),
      py('RuntimeError: Event loop is closed'),
      py("KeyError: 'items'"),
      py("KeyError: 'payload'"),
      py("AttributeError: 'NoneType' object has no attribute 'get'"),
      py("ModuleNotFoundError: No module named 'requests'"),
    ])
    assert.deepEqual(gaps.map((g) => [g.template, g.count]).sort(), [
      ["AttributeError: 'NoneType' object has no attribute 'get'", 1],
      ['KeyError: <*>', 2],
      ["ModuleNotFoundError: No module named 'requests'", 1],
      ['RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB', 1],
      ['RuntimeError: Event loop is closed', 1],
    ])
    assert.equal(new Set(gaps.map(draftSlug)).size, gaps.length)
  })

  it("skips a record's fields: Event Viewer entries are apart by their description, not one 'Log Name: System' gap", async () => {
    const entry = (id: number, description: string) =>
      [
        'Log Name:      System',
        'Source:        Service Control Manager',
        'Date:          11/30/2026 8:14:02 AM',
        `Event ID:      ${id}`,
        'Task Category: None',
        'Level:         Error',
        'Keywords:      Classic',
        'User:          N/A',
        'Computer:      web01.corp.example',
        'Description:',
        description,
      ].join('\n')
    const questions = await viaMatcher([
      entry(7000, 'The Foo Agent service failed to start due to the following error: The system cannot find the file specified.'),
      entry(7031, 'The Bar Relay service terminated unexpectedly.  It has done this 1 time(s).'),
      entry(7034, 'The Baz Indexer service terminated unexpectedly.  It has done this 3 time(s).'),
    ])
    const gaps = groupGaps(questions, () => []).gaps
    assert.equal(gaps.length, 3, JSON.stringify(gaps.map((g) => g.template)))
    assert.ok(gaps.every((g) => !/Log Name/.test(g.template)))
  })

  it('a record of fields alone is mined whole; a field that says an error, or an exception’s name, is the error', () => {
    assert.equal(
      minedLine('Last State:     Terminated\nReason:       OOMKilled\nExit Code:    137'),
      'Last State:     Terminated Reason:       OOMKilled Exit Code:    137',
    )
    assert.equal(asked(['Last State: Terminated\nReason: OOMKilled\nExit Code: 137', 'Last State: Terminated\nReason: Error\nExit Code: 1']).length, 2)
    assert.equal(minedLine('Server: web01\nError: connect ECONNREFUSED 127.0.0.1:5432'), 'Error: connect ECONNREFUSED 127.0.0.1:5432')
    assert.equal(minedLine('Host: db01\nCaused by: java.net.ConnectException: Connection refused'), 'Caused by: java.net.ConnectException: Connection refused')
    assert.equal(minedLine(py("KeyError: 'user_id'")), "KeyError: 'user_id'")
    assert.equal(minedLine('Level: Warning\nDescription: The disk D: is at 98% of its capacity.'), 'Description: The disk D: is at 98% of its capacity.')
  })

  it('skips where Node stopped on an uncaught error, its source line and marker', () => {
    assert.equal(
      minedLine(
        'node:internal/process/promises:288\ntriggerUncaughtException(err, true /* fromPromise */);\n^\n[UnhandledPromiseRejection: This error originated either by throwing inside of an async function]',
      ),
      '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function]',
    )
    assert.equal(minedLine("/app/server.js:12\nthrow new Error('boom');\n^\nError: boom\nat Object.<anonymous> (/app/server.js:12:11)"), 'Error: boom')
  })

  it("skips a command typed at a prompt, a log file's header and progress output: the first line that reads like an error", () => {
    const cases: Array<[stored: string, mined: string]> = [
      [
        '$ kubectl apply -f deploy.yaml\nerror: unable to recognize "deploy.yaml": no matches for kind "Ingress"',
        'error: unable to recognize "deploy.yaml": no matches for kind "Ingress"',
      ],
      ['<user>@<host>:~/app$ make build\nmake: *** [Makefile:12: build] Error 2', 'make: *** [Makefile:12: build] Error 2'],
      [
        'PS C:\\app> dotnet build\nC:\\app\\App.csproj : error NU1101: Unable to find package Contoso.Core.',
        'C:\\app\\App.csproj : error NU1101: Unable to find package Contoso.Core.',
      ],
      ['C:\\>net start w3svc\nSystem error 1058 has occurred.', 'System error 1058 has occurred.'],
      ['SQL> select name from v$database;\nORA-01034: ORACLE not available', 'ORA-01034: ORACLE not available'],
      [
        '#Software: Microsoft Exchange Server\n#Version: 15.0\n#Fields: date-time,client-ip,status\n2026-11-30T10:00:00Z,<ip>,550 5.7.1 relay denied',
        '2026-11-30T10:00:00Z,<ip>,550 5.7.1 relay denied',
      ],
      ['==> /var/log/nginx/error.log <==\n[crit] 12#12: *1 SSL_do_handshake() failed', '[crit] 12#12: *1 SSL_do_handshake() failed'],
      ['Collecting numpy\nDownloading numpy-1.26.4.tar.gz (15.8 MB)\nERROR: Could not build wheels for numpy', 'ERROR: Could not build wheels for numpy'],
      // Not prompts: a variable, a word; and a line with no error word stays when no other has one.
      ['$HOME is not set', '$HOME is not set'],
      ['Service Unavailable', 'Service Unavailable'],
    ]
    for (const [stored, mined] of cases) assert.equal(minedLine(stored), mined, stored)
  })

  it("a W3C log line's status, substatus and Win32 status keep errors apart, as the matcher spells them out", () => {
    // IIS's default layout, as stored (time stamps gone, addresses redacted): 401.2 and 404.0 are two gaps; other paths, one.
    const line = (uri: string, status: string) => `<ip> GET ${uri} - 443 - <ip> Mozilla/5.0+(Windows+NT+10.0) - ${status} 15`
    const gaps = asked([line('/sites/hr/default.aspx', '401 2 5'), line('/sites/it/Pages/home.aspx', '401 2 5'), line('/sites/hr/old.aspx', '404 0 2')])
    assert.deepEqual(
      gaps.map((g) => g.count),
      [2, 1],
    )
    assert.ok(lineCodes(line('/x', '401 2 5')).includes('http 401.2'))
    assert.ok(lineCodes(line('/x', '404 0 2')).includes('http 404'))
  })

  it('an error number in hex keeps errors apart, quoted too; a quoted name does not', () => {
    const gaps = asked([
      "Run-time error '-2147024809 (80070057)': Invalid procedure call",
      "Run-time error '-2147467259 (80004005)': Invalid procedure call",
      "Run-time error '-2147024809 (80070057)': Invalid procedure call",
    ])
    assert.deepEqual(
      gaps.map((g) => g.count),
      [2, 1],
    )
    assert.deepEqual(lineCodes("Cannot open database 'Sales_2024'"), [])
  })

  it('as stored through the matcher, a traceback it read no error line of is mined at its error', async () => {
    const questions = await viaMatcher([py('RuntimeError: Event loop is closed'), py("AttributeError: module 'numpy' has no attribute 'float'")])
    assert.deepEqual(
      questions.map((q) => minedLine(q.text)),
      ['RuntimeError: Event loop is closed', "AttributeError: module 'numpy' has no attribute 'float'"],
    )
  })
})

describe('what a review of the mined line and name slots found', () => {
  it("a CI job's last line is not its error: exceptions without an error word are mined, and stay apart", () => {
    const trailer = '##[error]Process completed with exit code 1.'
    const gaps = asked([
      `IndexError: list index out of range\n${trailer}`,
      `AttributeError: 'NoneType' object has no attribute 'id'\n${trailer}`,
      `IndexError: list index out of range\n${trailer}`,
    ])
    assert.deepEqual(
      gaps.map((g) => [g.template, g.count]),
      [
        ['IndexError: list index out of range', 2],
        ["AttributeError: 'NoneType' object has no attribute 'id'", 1],
      ],
    )
    // Outcome lines alone are still mined; npm's lines after ELIFECYCLE are outcomes too.
    assert.equal(minedLine(trailer), trailer)
    assert.equal(
      minedLine("Error: Cannot find module 'dotenv'\nnpm ERR! errno 1\nnpm ERR! Failed at the api@2.0.0 start script."),
      "Error: Cannot find module 'dotenv'",
    )
    assert.equal(minedLine('src/app.go:9:3: undefined: cfg.Lod\nmake: *** [Makefile:7: all] Error 1'), 'src/app.go:9:3: undefined: cfg.Lod')
  })

  it("a build's or stage's end is how a job ended, not its error: the line that says what failed is mined", () => {
    // Build tools and CI servers each end a failed run with a line that says only that (Jenkins, Gradle, Maven, a CI phase).
    assert.equal(minedLine('java.io.IOException: No space left on device\nFinished: FAILURE'), 'java.io.IOException: No space left on device')
    assert.equal(
      minedLine(
        "FAILURE: Build failed with an exception.\n* What went wrong:\nExecution failed for task ':app:compileJava'.\n> Compilation failed; see the compiler error output for details.\nBUILD FAILED in 14s",
      ),
      "Execution failed for task ':app:compileJava'.",
    )
    assert.equal(
      minedLine(
        '[build] Phase complete: INSTALL State: FAILED\n[build] Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: pip install -r requirements.txt',
      ),
      '[build] Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: pip install -r requirements.txt',
    )
    assert.equal(
      minedLine('Stage \'deploy\' finished with result FAILURE\nError: release "web" failed: timed out waiting for the condition'),
      'Error: release "web" failed: timed out waiting for the condition',
    )
    const maven = (error: string) => `[INFO] BUILD FAILURE\n[ERROR] Failed to execute goal on project shop: ${error}`
    assert.equal(asked([maven('There are test failures.'), maven('Could not resolve dependencies for project shop:shop:jar:1.0')]).length, 2)
    // Alone, it is still mined; a line that says what failed in a step is no outcome.
    assert.equal(minedLine('Finished: FAILURE'), 'Finished: FAILURE')
    assert.equal(
      minedLine('Step 4/9 failed: permission denied while trying to connect to the Docker daemon socket'),
      'Step 4/9 failed: permission denied while trying to connect to the Docker daemon socket',
    )
    assert.equal(minedLine('Job status: FAILED\nsomething'), 'Job status: FAILED')
  })

  it('a file named in an error is no name slot: two missing headers are two gaps; a killed process is one, as stored', () => {
    const headers = asked(['fatal error: curl.h: No such file or directory', 'fatal error: expat.h: No such file or directory'])
    assert.equal(headers.length, 2)
    const oom = asked([
      storedQuestion(['Out of memory: Killed process 9120 (mysqld) total-vm:2048000kB, anon-rss:1500000kB']),
      storedQuestion(['Out of memory: Killed process 733 (chrome) total-vm:4096000kB, anon-rss:900000kB']),
    ])
    assert.deepEqual(
      oom.map((g) => g.count),
      [2],
    )
  })

  it('a line that only holds a Windows path and a `>` later is no prompt; `#Error:` is no directive', () => {
    for (const line of [
      'C:\\src\\Shop\\Shop.csproj : error NU1605: Detected package downgrade: Polly from 8.0.0 to 7.2.4 (>= 8.0.0)',
      "C:\\Users\\<user>\\source\\repos\\Shop\\Cart.cs(10,1): error CS0246: The type or namespace name 'Repo<Item>' could not be found",
      '#Error: device not ready',
    ])
      assert.equal(minedLine(`${line}\nretrying`), line)
  })

  it('a value that joined names keeps their slot: a word there still starts its own group, whichever came first', () => {
    const groups = templatesOf([
      'Back-off restarting failed container <id> in pod p1',
      'Back-off restarting failed container api in pod p2',
      'Back-off restarting failed container restarted in pod p3',
    ])
    assert.deepEqual(
      groups.map(([, members]) => members),
      [[0, 1], [2]],
    )
  })

  it('an address or a stop code read out of words is not a key, quoted; an HRESULT is', () => {
    assert.deepEqual(lineCodes('The instruction at "0x00401000" referenced memory at "0xfffffff8". The memory could not be read.'), [])
    assert.deepEqual(lineCodes("Command 'docker stop db' returned non-zero exit status 1."), ['exit 1'])
    assert.ok(lineCodes("Microsoft VBScript runtime error '800a0046'").includes('0x800a0046'))
  })

  it('one error for two names where a name is written is one gap: syslog hosts, containers by event or after a colon, a lookup, a table, a unit with its description', () => {
    const pairs: Array<[string, string]> = [
      [
        'Nov 30 04:12:55 mailgw dovecot[2211]: imap-login: Disconnected (auth failed, 1 attempts)',
        'Nov 30 05:01:13 relay dovecot[87]: imap-login: Disconnected (auth failed, 1 attempts)',
      ],
      ['Container db failed startup probe, will be restarted', 'Container cache failed startup probe, will be restarted'],
      ['Error: No such container: web', 'Error: No such container: queue'],
      [
        'Get "http://orders/api": dial tcp: lookup orders on 10.96.0.10:53: server misbehaving',
        'Get "http://payments/api": dial tcp: lookup payments on 10.96.0.10:53: server misbehaving',
      ],
      ['django.db.utils.OperationalError: no such table: shop_cart', 'django.db.utils.OperationalError: no such table: auth_user'],
      ['Failed to start postgresql.service - PostgreSQL RDBMS.', 'Failed to start ssh.service - OpenBSD Secure Shell server.'],
    ]
    for (const [a, b] of pairs) assert.equal(asked([storedQuestion([a]), storedQuestion([b])]).length, 1, `${a} | ${b}`)
    // Another word in the same place is another error: another probe, program, noun or action.
    const apart: Array<[string, string]> = [
      ['Container db failed startup probe, will be restarted', 'Container db failed liveness probe, will be restarted'],
      [
        'Nov 30 04:12:55 mailgw dovecot[2211]: imap-login: Disconnected (auth failed, 1 attempts)',
        'Nov 30 04:12:55 mailgw postfix[2211]: imap-login: Disconnected (auth failed, 1 attempts)',
      ],
      ['Error: No such container: web', 'Error: No such image: web'],
      ['django.db.utils.OperationalError: no such table: shop_cart', 'django.db.utils.OperationalError: no such column: shop_cart'],
      ['Failed to start ssh.service - OpenBSD Secure Shell server.', 'Failed to stop ssh.service - OpenBSD Secure Shell server.'],
      // A verb in the past ends a container's or pod's name, not a user's: `user interface` is a compound.
      ['user interface crashed on login', 'user profile crashed on login'],
    ]
    for (const [a, b] of apart) assert.equal(asked([storedQuestion([a]), storedQuestion([b])]).length, 2, `${a} | ${b}`)
  })

  it('the same classes from other sources: hosts of pid-less programs, names ended by a verb or the line, names an error reports, dotted hosts and tables', () => {
    // Each merged pair was two gaps before (the relation and MySQL pairs were one already: quoted names are values).
    const merged: Array<[string, string, string]> = [
      // A syslog host before a program that writes no pid, a pid of one digit, a program with a slash.
      [
        'Mar 14 02:30:00 gateway kernel: nf_conntrack: table full, dropping packet',
        'Mar 14 02:31:10 firewall kernel: nf_conntrack: table full, dropping packet',
        '<*> kernel: nf_conntrack: table full, dropping packet',
      ],
      [
        'Mar 14 02:30:00 mailhub postfix/qmgr[1402]: warning: connect to transport private/smtp: Connection refused',
        'Mar 14 02:35:41 smarthost postfix/qmgr[77]: warning: connect to transport private/smtp: Connection refused',
        '<*> postfix/qmgr : warning: connect to transport private/smtp: Connection refused',
      ],
      [
        'Mar 14 02:30:00 builder systemd[1]: Failed to mount /srv/cache.',
        'Mar 14 02:30:07 archive systemd[1]: Failed to mount /srv/cache.',
        '<*> systemd[1]: Failed to mount /srv/cache.',
      ],
      // Kubernetes' events: a name at the line's end, before an auxiliary, after `Node`.
      ['Created container migrate', 'Created container init-db', 'Created container <*>'],
      ['Node kind-control-plane status is now: NodeNotReady', 'Node minikube status is now: NodeNotReady', 'Node <*> status is now: NodeNotReady'],
      [
        'Pod frontend was evicted: The node was low on resource: memory.',
        'Pod checkout was evicted: The node was low on resource: memory.',
        'Pod <*> was evicted: The node was low on resource: memory.',
      ],
      // What an error looked for, at the line's end: `No such <noun>:`, `unknown <noun>:`, `<noun> not found:`.
      [
        'Error response from daemon: No such volume: pgdata',
        'Error response from daemon: No such volume: uploads',
        'Error response from daemon: No such volume: <*>',
      ],
      ['Error: unknown flag: --dry', 'Error: unknown flag: --force-conflicts', 'Error: unknown flag: <*>'],
      ['Error: secret not found: api-key', 'Error: secret not found: tls-cert', 'Error: secret not found: <*>'],
      // A looked-up host with dots, before the resolver or a colon of its own.
      [
        'dial tcp: lookup redis.cache.svc.cluster.local on 10.96.0.10:53: no such host',
        'dial tcp: lookup kafka.queue.svc.cluster.local on 10.96.0.10:53: no such host',
        'dial tcp: lookup <*> on <ip>:53: no such host',
      ],
      ['dial tcp: lookup billing.internal: no such host', 'dial tcp: lookup ledger.internal: no such host', 'dial tcp: lookup <*> no such host'],
      // Tables: quoted (PostgreSQL, MySQL 1146) or a schema's (SQLite).
      [
        'psycopg2.errors.UndefinedTable: relation "inventory_sku" does not exist',
        'psycopg2.errors.UndefinedTable: relation "payments_refund" does not exist',
        'psycopg2.errors.UndefinedTable: relation <*> does not exist',
      ],
      [
        "ERROR 1146 (42S02): Table 'erp.suppliers' doesn't exist",
        "ERROR 1146 (42S02): Table 'hr.staff' doesn't exist",
        "ERROR 1146 (42S02): Table <*> doesn't exist",
      ],
      [
        'sqlite3.OperationalError: no such table: main.cart_item',
        'sqlite3.OperationalError: no such table: main.auth_group',
        'sqlite3.OperationalError: no such table: <*>',
      ],
      // A unit and its description, in a syslog line of a host.
      [
        'Mar 14 02:30:00 builder systemd[1]: Failed to start cups.service - CUPS Scheduler.',
        'Mar 14 02:30:00 archive systemd[1]: Failed to start chrony.service - chrony, an NTP client/server.',
        '<*> systemd[1]: Failed to start <*>',
      ],
    ]
    for (const [a, b, template] of merged)
      assert.deepEqual(
        asked([storedQuestion([a]), storedQuestion([b])]).map((g) => [g.template, g.count]),
        [[template, 2]],
        `${a} | ${b}`,
      )
    // Pasted whole, the stop code's line is mined: two stop codes are two gaps, whatever failed.
    const bsod = (code: string, module: string) => `Your device ran into a problem and needs to restart.\nStop code: ${code}\nWhat failed: ${module}`
    assert.deepEqual(
      asked([
        bsod('PAGE_FAULT_IN_NONPAGED_AREA', 'ntfs.sys'),
        bsod('PAGE_FAULT_IN_NONPAGED_AREA', 'rdyboost.sys'),
        bsod('CRITICAL_PROCESS_DIED', 'ntfs.sys'),
      ]).map((g) => [g.template, g.count]),
      [
        ['Stop code: PAGE_FAULT_IN_NONPAGED_AREA', 2],
        ['Stop code: CRITICAL_PROCESS_DIED', 1],
      ],
    )
    const apart: Array<[string, string]> = [
      // Another program, or a phrase that only looks like `host program:`.
      ['Mar 14 02:30:00 gateway kernel: nf_conntrack: table full, dropping packet', 'Mar 14 02:30:00 gateway sudo: nf_conntrack: table full, dropping packet'],
      ['remote error: tls: bad certificate', 'local error: tls: bad certificate'],
      // A compound's noun or a participle where a name would be (these two were one gap before).
      ['Pod startup failed after 3 attempts', 'Pod shutdown failed after 3 attempts'],
      ['Created container migrate', 'Created container restarting'],
      // Another noun or label before the reported name.
      ['Error response from daemon: No such volume: pgdata', 'Error response from daemon: No such network: pgdata'],
      ['Error: unknown flag: --dry', 'Error: unknown command: --dry'],
      ['Error: secret not found: api-key', 'Error: configmap not found: api-key'],
      // An error's word after `lookup` is no host.
      ['DNS lookup error: refused', 'DNS lookup timeout: refused'],
      // Another outcome for the same table, or another MySQL error.
      ['psycopg2.errors.UndefinedTable: relation "inventory_sku" does not exist', 'psycopg2.errors.DuplicateTable: relation "inventory_sku" already exists'],
      ["ERROR 1146 (42S02): Table 'erp.suppliers' doesn't exist", "ERROR 1051 (42S02): Unknown table 'erp.suppliers'"],
      [
        'Mar 14 02:30:00 builder systemd[1]: Failed to start cups.service - CUPS Scheduler.',
        'Mar 14 02:30:00 builder systemd[1]: Failed to reload cups.service - CUPS Scheduler.',
      ],
      ['Stop code: SYSTEM_THREAD_EXCEPTION_NOT_HANDLED What failed: dxgkrnl.sys', 'Stop code: KMODE_EXCEPTION_NOT_HANDLED What failed: dxgkrnl.sys'],
      // An error's or a state's word where a name would be reported, and a word after `node` at the line's end.
      ['Error: unknown error: timeout', 'Error: unknown error: refused'],
      ['health check: unknown status: degraded', 'health check: unknown status: offline'],
      ['Please upgrade to node lts', 'Please upgrade to node current'],
      // A driver a crash names is no reported name: two drivers are two problems (a GPU driver's update, a disk's check).
      ['What failed: storport.sys', 'What failed: netio.sys'],
      ['Stop code: SYSTEM_THREAD_EXCEPTION_NOT_HANDLED What failed: dxgkrnl.sys', 'Stop code: SYSTEM_THREAD_EXCEPTION_NOT_HANDLED What failed: atikmpag.sys'],
    ]
    for (const [a, b] of apart) assert.equal(asked([storedQuestion([a]), storedQuestion([b])]).length, 2, `${a} | ${b}`)
  })
})

describe('gap ids last as a group grows', () => {
  const q = (text: string, day: number, codes: string[] = []): GapQuestion => ({
    at: new Date(T0 + day * 86_400_000),
    kind: 'match',
    text,
    codes,
    rejected: false,
  })
  const idOf = (questions: GapQuestion[]) => groupGaps(questions, () => []).gaps.map((g) => [g.template, g.id, g.count])

  it('a newer question that widens the template keeps the id, whatever the read order', () => {
    const two = [q('connect ECONNREFUSED <ip>:5432', 1, ['econnrefused']), q('connect ECONNREFUSED <ip>:5432', 2, ['econnrefused'])]
    const three = [...two, q('connect ECONNREFUSED <ip>:6379', 3, ['econnrefused'])]
    const [[t2, id2]] = idOf(two) as [[string, string]]
    const [[t3, id3, n3]] = idOf([...three].reverse()) as [[string, string, number]]
    assert.deepEqual([t2, t3, n3], ['connect ECONNREFUSED <ip>:5432', 'connect ECONNREFUSED <*>', 3])
    assert.equal(id3, id2)
    const login = [
      q("Login failed for user '<user>'. Reason: Password did not match. [CLIENT: <ip>]", 1),
      q("Login failed for user 'sa'. Reason: Password did not match. [CLIENT: <ip>]", 2),
    ]
    assert.equal(idOf(login)[0]![1], idOf(login.slice(0, 1))[0]![1])
  })

  it('the known limit: when the oldest question leaves the window, the id is the next one’s', () => {
    const w = [q('Disk quota exceeded on volume /data', 1), q('Disk quota exceeded on volume /home', 2)]
    assert.notEqual(idOf(w)[0]![1], idOf(w.slice(1))[0]![1])
  })

  it('ids are unique, also for groups with the same first line and key', () => {
    // A line of mostly literal wildcards does not join its twin's group (wildcards are not counted equal).
    const twins = mineTemplates([{ text: '<*> <*> failed' }, { text: '<*> <*> failed' }, { text: '<*> <*> failed' }]).groups
    assert.deepEqual(
      twins.map((g) => g.template),
      ['<*> <*> failed', '<*> <*> failed', '<*> <*> failed'],
    )
    assert.equal(new Set(twins.map((g) => g.id)).size, 3)
    let seed = 7
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const vocab = ['1', '2', '3', 'a', 'b', "'x'", '<*>', 'c']
    for (let trial = 0; trial < 3000; trial++) {
      const len = 2 + rnd(5)
      const items = Array.from({ length: 3 + rnd(10) }, () => ({ text: Array.from({ length: len }, () => vocab[rnd(vocab.length)]).join(' ') }))
      const ids = mineTemplates(items, { maxChildren: 1 + rnd(3) }).groups.map((g) => g.id)
      assert.equal(new Set(ids).size, ids.length, JSON.stringify(items))
    }
  })

  it("the report's absolute since reads back as the same moment", () => {
    const at = new Date(Date.now() - 7 * 86_400_000)
    at.setUTCMilliseconds(137)
    const since = at.toISOString()
    assert.equal(parseSince(since)?.toISOString(), since)
  })
})

describe("a gap's draft: its products and its file name", () => {
  it('skips generic codes and a parent read with its child', () => {
    assert.deepEqual(productCodes(['0x8007000d', 'error_invalid_data', 'http 500', 'http 500.19', 'win32 13']), [
      '0x8007000d',
      'error_invalid_data',
      'http 500.19',
      'win32 13',
    ])
    assert.deepEqual(productCodes(['0x8007274d', 'econnrefused', 'win32 10061', 'wsaeconnrefused']), [])
    assert.deepEqual(productCodes(['0x80004005', 'unknownerror', 'http 503']), ['http 503'])
  })

  it('lists the products of the specific codes only', () => {
    const products: Record<string, string[]> = {
      'http 500': ['IIS', 'nginx', 'Tomcat', 'ASP.NET Core Module'],
      'http 500.19': ['IIS'],
      '0x8007000d': ['IIS 10.0'],
      econnrefused: ['nginx', 'PHP-FPM'],
      wsaeconnrefused: ['IIS'],
      'error 18456': ['SQL Server'],
    }
    const of = (c: string) => products[c] ?? []
    const [iis] = asked(['HTTP Error 500.19 - Internal Server Error\nError Code 0x8007000d'], of)
    assert.deepEqual(iis!.products, ['IIS', 'IIS 10.0'])
    const [refused] = asked(['connect ECONNREFUSED <ip>:5432'], of)
    assert.deepEqual(refused!.products, [])
    const [sql] = asked(["Login failed for user '<user>'. (18456)"], of)
    assert.deepEqual(sql!.products, ['SQL Server'])
  })

  it('names drafts as kb new names articles: digits kept, accents folded', () => {
    const slug = (template: string) => draftSlug({ id: 'abcdef0123456789', template })
    assert.notEqual(slug('HTTP Error 500.19 - Internal Server Error'), slug('HTTP Error 500.21 - Internal Server Error'))
    assert.equal(slug('HTTP Error 500.19 - Internal Server Error'), 'http-error-500-19-internal-server-error')
    assert.notEqual(slug("Login failed for user '<user>'. (18456)"), slug("Login failed for user '<user>'. (18452)"))
    assert.equal(slug('Échec de la connexion: délai dépassé'), 'echec-de-la-connexion-delai-depasse')
    assert.equal(slug('Ошибка: <*>'), 'gap-abcdef012345')
    assert.equal(slug('<*> 0x80070005 <*>'), 'gap-abcdef012345')
    // kb new's name for the same title (one function, core/article-slug.ts), or gap-<id> when it has one word.
    for (const title of [
      'Straße gesperrt: Zugriff verweigert (0x80070005)',
      'Łódź: błąd połączenia z bazą',
      'Kestrel: Microsoft.AspNetCore.Server.Kestrel[13] Connection id "0HMF" bad request',
      'ORA-12541: TNS:no listener',
      'x'.repeat(70),
      'a b',
      'Ünïcödé – “quoted” — …',
    ])
      assert.equal(slug(title), articleSlug(title).includes('-') ? articleSlug(title) : 'gap-abcdef012345', title)
  })

  it('opens the draft with the marker kb draft looks for', () => {
    const gap: Gap = {
      id: '0123456789abcdef',
      template: 'x y',
      count: 1,
      firstSeen: '2026-11-01T00:00:00.000Z',
      lastSeen: '2026-11-01T00:00:00.000Z',
      example: 'x y',
      codes: [],
      products: [],
      rejected: 0,
    }
    assert.ok(draftArticle(gap).markdown.split('\n')[1]!.startsWith(draftMarker(gap.id)))
  })
})
