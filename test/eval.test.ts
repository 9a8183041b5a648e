/**
 * The evaluation (src/eval): its measures on hand-made rankings, the calibration fit on synthetic
 * data with known parameters, leave-one-corpus-out keeping each held-out corpus out of its fit,
 * and `kb eval --pastes` / `--self` on a small KB of three articles (test/fixtures/eval-kb).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fitLogistic, leaveOneCorpusOut, type CorpusSample } from '../src/eval/calibration.js'
import { parseCases } from '../src/eval/cases.js'
import { confidenceMetrics, expectedCalibrationError, rankMetrics } from '../src/eval/metrics.js'
import { selfCases } from '../src/eval/owner.js'
import { runHarness, sampleCases } from '../src/eval/harness.js'
import { REPO } from './helpers/kb.js'
import { CLI } from './helpers/server.js'

const KB = path.join(REPO, 'test', 'fixtures', 'eval-kb')

/** Run the bundled kb CLI (`npm run build:server` first, as `npm test` does). */
function kb(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LOG_LEVEL: 'silent' } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('eval measures', () => {
  it('top-1, top-3 and MRR over positives, a rank past the cutoff a miss, negatives ignored', () => {
    const m = rankMetrics([
      { ranked: ['a', 'b', 'c'], expect: 'a' }, // rank 1
      { ranked: ['b', 'a'], expect: 'a' }, // rank 2
      { ranked: ['x', 'y', 'z', 'a'], expect: 'a' }, // rank 4
      { ranked: ['x'], expect: 'a' }, // missing
      { ranked: ['a'], expect: null }, // a negative: not a positive
    ])
    assert.deepEqual(m, { positives: 4, top1: 0.25, top3: 0.5, mrr: (1 + 0.5 + 0.25) / 4 })
    assert.deepEqual(rankMetrics([{ ranked: ['x', 'a'], expect: 'a' }], 1), { positives: 1, top1: 0, top3: 0, mrr: 0 })
    assert.deepEqual(rankMetrics([]), { positives: 0, top1: null, top3: null, mrr: null })
  })

  it('expected calibration error: per bin |share right - mean confidence|, weighted by the bin', () => {
    // Bin 0.9-1.0: one right, one wrong at 0.95 -> |0.5 - 0.95|; bin 0.1-0.2: two wrong at 0.15 -> 0.15. Each half the pastes.
    const ece = expectedCalibrationError([
      { confidence: 0.95, right: true },
      { confidence: 0.95, right: false },
      { confidence: 0.15, right: false },
      { confidence: 0.15, right: false },
    ])
    assert.ok(Math.abs(ece! - (0.5 * 0.45 + 0.5 * 0.15)) < 1e-12, String(ece))
    assert.equal(expectedCalibrationError([{ confidence: 1, right: true }]), 0) // 1.0 falls in the last bin
    assert.equal(expectedCalibrationError([]), null)
  })

  it('confident, confident-wrong and confident-on-negative counts', () => {
    const c = confidenceMetrics([
      { ranked: ['a'], expect: 'a', confidence: 0.9, confident: true },
      { ranked: ['b', 'a'], expect: 'a', confidence: 0.8, confident: true },
      { ranked: ['b'], expect: 'b', confidence: 0.3, confident: false },
      { ranked: [], expect: 'c', confidence: 0, confident: false },
      { ranked: ['a'], expect: null, confidence: 0.7, confident: true },
      { ranked: ['a'], expect: null, confidence: 0.2, confident: false },
    ])
    assert.equal(c.confidentRate, 0.5)
    assert.equal(c.confidentWrongRate, 0.25)
    assert.equal(c.confidentWrong, 1)
    assert.equal(c.negatives, 2)
    assert.equal(c.confidentOnNegatives, 1)
  })

  it('out-of-KB negatives are a fixed sample: the same cases whatever the input order', () => {
    const cases = Array.from({ length: 50 }, (_, i) => ({ id: `case-${i}`, kind: 'terse', text: 'x', expect: 'a' }))
    const one = sampleCases(cases, 20).map((c) => c.id)
    const two = sampleCases([...cases].reverse(), 20).map((c) => c.id)
    assert.equal(one.length, 20)
    assert.deepEqual(one, two)
    assert.notDeepEqual(
      one,
      cases.slice(0, 20).map((c) => c.id),
    ) // a sample across the list, not its head
  })
})

describe('calibration fit', () => {
  it('recovers the slope and intercept of synthetic data drawn from a known logistic', () => {
    // 200 scores from 0 to 1, each with 100 outcomes whose share right is exactly the logistic's.
    const slope = 12
    const intercept = -5
    const samples = []
    for (let i = 0; i < 200; i++) {
      const score = i / 199
      const right = Math.round(100 / (1 + Math.exp(-(slope * score + intercept))))
      for (let k = 0; k < 100; k++) samples.push({ score, right: k < right })
    }
    const fit = fitLogistic(samples)
    assert.ok(Math.abs(fit.slope - slope) < 0.1, `slope ${fit.slope}`)
    assert.ok(Math.abs(fit.intercept - intercept) < 0.05, `intercept ${fit.intercept}`)
    assert.equal(fit.samples, 20_000)
    assert.deepEqual(fitLogistic(samples), fit) // deterministic
  })

  it('separable data gives finite parameters (the ridge), with confidence rising with the score', () => {
    const fit = fitLogistic([
      { score: 0.1, right: false },
      { score: 0.2, right: false },
      { score: 0.6, right: true },
      { score: 0.7, right: true },
    ])
    assert.ok(Number.isFinite(fit.slope) && Number.isFinite(fit.intercept))
    assert.ok(fit.slope > 0)
  })

  it('refuses to fit nothing', () => {
    assert.throws(() => fitLogistic([]), { message: 'cannot fit a calibration on no samples' })
  })

  it('leave one corpus out: a fold never sees a sample asked against, or pasted from, its held-out corpus', () => {
    const s = (score: number, right: boolean, ...corpora: string[]): CorpusSample => ({ score, right, corpora })
    const samples = [s(0.9, true, 'a'), s(0.2, false, 'a', 'b'), s(0.8, true, 'b'), s(0.1, false, 'b', 'c'), s(0.7, true, 'c'), s(0.3, false, 'c', 'a')]
    const seen = new Map<number, CorpusSample[]>()
    let call = 0
    const folds = leaveOneCorpusOut(['a', 'b', 'c'], samples, (train) => {
      seen.set(call++, train)
      return train.length
    })
    assert.deepEqual(
      folds.map((f) => [f.heldOut, f.trainedOn, f.fit]),
      [
        ['a', ['b', 'c'], 3],
        ['b', ['a', 'c'], 3],
        ['c', ['a', 'b'], 3],
      ],
    )
    for (const [i, held] of ['a', 'b', 'c'].entries()) {
      assert.ok(seen.get(i)!.length > 0)
      for (const t of seen.get(i)!) assert.ok(!t.corpora.includes(held), `fold ${held} was given a sample of ${t.corpora.join('+')}`)
    }
  })
})

describe('labelled pastes files', () => {
  it('an owner file needs only text and expect; id and kind have defaults', () => {
    const cases = parseCases(
      '{"text": "disk full", "expect": "backup-disk-full"}\n\n{"text": "x", "expect": null, "kind": "negative", "id": "n1"}\n',
      'p.jsonl',
    )
    assert.deepEqual(cases, [
      { id: 'line 1', kind: 'paste', text: 'disk full', expect: 'backup-disk-full' },
      { id: 'n1', kind: 'negative', text: 'x', expect: null },
    ])
  })

  it('a bad line is refused with its file and line number', () => {
    assert.throws(() => parseCases('{"text": "a", "expect": null}\n{"text": "b"}\n', 'p.jsonl'), {
      message: 'p.jsonl:2: "expect" must be an article id or null',
    })
    assert.throws(() => parseCases('{"text": "", "expect": null}', 'p.jsonl'), { message: 'p.jsonl:1: "text" must be a non-empty string' })
    assert.throws(() => parseCases('not json', 'p.jsonl'), { message: 'p.jsonl:1: not a line of JSON' })
    assert.throws(() => parseCases('{"text": "a", "expect": 3}', 'p.jsonl'), { message: 'p.jsonl:1: "expect" must be an article id or null' })
  })

  it('--self asks every first symptom, then every second, within the cap', () => {
    const a = (id: string, n: number) => ({ id, symptoms: Array.from({ length: n }, (_, i) => `${id} symptom ${i + 1}`) })
    const cases = selfCases([a('b', 1), a('a', 3)] as never, 3)
    assert.deepEqual(
      cases.map((c) => [c.id, c.expect, c.position]),
      [
        ['a#1', 'a', 0],
        ['b#1', 'b', 0],
        ['a#2', 'a', 1],
      ],
    )
  })
})

describe('npm run eval: one KB per corpus, held out', () => {
  const OTHER = path.join(REPO, 'test', 'fixtures', 'other-kb')
  const corpora = [
    { name: 'alpha', dir: KB, form: 'articles' as const },
    { name: 'beta', dir: OTHER, form: 'articles' as const },
  ]
  const cases = [
    {
      id: 'a-disk',
      corpus: 'alpha',
      kind: 'app-log',
      text: 'ERROR write failed: No space left on device (ENOSPC) while copying /data',
      expect: 'backup-disk-full',
    },
    { id: 'a-cert', corpus: 'alpha', kind: 'terse', text: 'curl: SSL certificate problem: certificate has expired', expect: 'tls-certificate-expired' },
    { id: 'a-neg', corpus: 'alpha', kind: 'negative', text: 'java.lang.OutOfMemoryError: Java heap space', expect: null },
    {
      id: 'b-dns',
      corpus: 'beta',
      kind: 'terse',
      text: 'dig says status: NXDOMAIN for build.corp.example from the corporate resolver',
      expect: 'dns-nxdomain',
    },
    { id: 'b-gone', corpus: 'beta', kind: 'terse', text: 'printer offline', expect: 'printer-offline' },
  ]

  it("each corpus is asked its own pastes and the other product's positives, scored with a calibration fitted without it", async () => {
    const r = await runHarness({ corpora, cases })
    assert.deepEqual(r.dataset, { cases: 5, evaluated: 4, skipped: [{ id: 'b-gone', reason: 'printer-offline is not in the beta KB' }] })
    const [alpha, beta] = r.corpora
    assert.deepEqual([alpha!.corpus, alpha!.articles, alpha!.heldOut.positives, alpha!.heldOut.negatives], ['alpha', 3, 2, 2])
    assert.deepEqual(alpha!.crossNegatives, { beta: 1 })
    assert.deepEqual(beta!.crossNegatives, { alpha: 2 })
    assert.deepEqual(
      beta!.heldOut.byKind.map((k) => [k.kind, k.cases, k.positives]),
      [
        ['terse', 1, 1],
        ['out-of-kb', 2, 0],
      ],
    )
    // Fitted on the pastes that depend on neither: alpha's fold sees beta's own pastes only, not alpha's asked against beta.
    assert.deepEqual([alpha!.heldOutCalibration.trainedOn, alpha!.heldOutCalibration.samples], [['beta'], 1])
    assert.deepEqual([beta!.heldOutCalibration.trainedOn, beta!.heldOutCalibration.samples], [['alpha'], 3])
    assert.equal(r.recommendedCalibration.samples, 7)
  })

  it('corpora of one product family give each other no out-of-KB negatives', async () => {
    const r = await runHarness({ corpora, cases, families: { alpha: 'resolvers', beta: 'resolvers' } })
    assert.deepEqual(
      r.corpora.map((c) => [c.corpus, c.crossNegatives, c.heldOut.negatives]),
      [
        ['alpha', {}, 1],
        ['beta', {}, 0],
      ],
    )
  })
})

describe('kb eval', () => {
  let dir: string
  let pastes: string
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-eval-test-'))
    pastes = path.join(dir, 'pastes.jsonl')
    const lines = [
      {
        id: 'disk-1',
        kind: 'app-log',
        text: '2026-03-02 01:14:09 INFO copying /data/db to /mnt/backup/2026-03-02\n2026-03-02 01:52:40 ERROR write failed: No space left on device (ENOSPC)\n2026-03-02 01:52:40 INFO job finished with errors',
        expect: 'backup-disk-full',
      },
      {
        id: 'cert-1',
        kind: 'stack-trace',
        text: "Error: certificate has expired\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)\n    at TLSSocket.emit (node:events:519:28) {\n  code: 'CERT_HAS_EXPIRED'\n}",
        expect: 'tls-certificate-expired',
      },
      {
        id: 'dns-1',
        kind: 'described',
        text: "since this morning the billing service can't find orders.internal at all, looks like the name doesn't resolve",
        expect: 'dns-name-not-found',
      },
      // Labelled wrong on purpose: the log is the full disk, so our confident answer is listed as confident and wrong.
      { id: 'mislabelled-1', kind: 'app-log', text: '02:10:11 ERROR write failed: No space left on device (ENOSPC)', expect: 'dns-name-not-found' },
      { id: 'neg-1', kind: 'negative', text: 'java.lang.OutOfMemoryError: Java heap space\n\tat java.util.Arrays.copyOf(Arrays.java:3236)', expect: null },
      { id: 'gone-1', kind: 'terse', text: 'printer offline again', expect: 'printer-offline' },
    ]
    await writeFile(pastes, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('--pastes: top-1/top-3/MRR per kind for ours and the baselines, the confident-wrong list, unknown ids skipped', () => {
    const r = kb(['eval', '--articles', KB, '--pastes', pastes, '--json'])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout)
    assert.equal(out.articles, 3)
    assert.deepEqual([out.cases, out.positives, out.negatives], [5, 4, 1])
    assert.deepEqual(out.skipped, [{ id: 'gone-1', expect: 'printer-offline' }])
    assert.deepEqual(
      out.byKind.map((k: { kind: string; positives: number; systems: { ours?: { top1: number } } }) => [k.kind, k.positives, k.systems.ours?.top1 ?? null]),
      [
        ['app-log', 2, 0.5],
        ['stack-trace', 1, 1],
        ['described', 1, 1],
        ['negative', 0, null],
      ],
    )
    assert.deepEqual(Object.keys(out.overall.systems), ['ours', 'lunr', 'mini'])
    const misses = out.confidentWrong as Array<{ id: string; expected: string; got: string; expectedRank: number }>
    const wrong = misses[0]
    assert.deepEqual(
      misses.map((m) => [m.id, m.expected, m.got]),
      [['mislabelled-1', 'dns-name-not-found', 'backup-disk-full']],
    )
    // The mislabelled paste's expected article comes second or third of three.
    assert.ok(wrong!.expectedRank === 2 || wrong!.expectedRank === 3, String(wrong!.expectedRank))
    assert.deepEqual(out.overall.systems.ours, { positives: 4, top1: 0.75, top3: 1, mrr: Math.round(((3 + 1 / wrong!.expectedRank) / 4) * 10000) / 10000 })
    assert.deepEqual(out.confidentOnNegatives, [])
    assert.equal(out.confidence.confidentWrong, 1)
    assert.equal(out.confidence.negatives, 1)
  })

  it('--pastes as text: the table and the confident-wrong line', () => {
    const r = kb(['eval', '--articles', KB, '--pastes', pastes])
    assert.equal(r.code, 0, r.stderr)
    const lines = r.stdout.split('\n')
    assert.equal(lines[0], '3 articles; 5 pastes (4 positive, 1 negative); 1 skipped')
    assert.equal(lines[1], '  skipped gone-1: printer-offline is not an article of the KB')
    assert.match(r.stdout, /^overall +4\| {2}0\.75 {2}1\.00 {2}0\.(88|83) \|/m)
    assert.match(r.stdout, /^confident and wrong \(1\):$/m)
    assert.match(r.stdout, /^ {2}mislabelled-1 \[app-log\]: got backup-disk-full at [01]\.\d{3}, expected dns-name-not-found \(rank [23]\)$/m)
  })

  it('--self: each symptom asked with it left out of the KB, and the articles it did not find', () => {
    const r = kb(['eval', '--articles', KB, '--self', '--json'])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout)
    assert.deepEqual([out.articles, out.symptoms, out.asked, out.rounds], [3, 8, 8, 3])
    assert.deepEqual(
      out.byKind.map((k: { kind: string; positives: number }) => [k.kind, k.positives]),
      [['symptom', 8]],
    )
    assert.deepEqual(Object.keys(out.overall.systems), ['ours'])
    // Every symptom is asked of a KB without it: the three symptoms that quote an error find their article by the rest of it.
    for (const id of ['backup-disk-full#1', 'tls-certificate-expired#1', 'dns-name-not-found#1'])
      assert.ok(!out.misses.some((m: { id: string }) => m.id === id), id)
    for (const a of out.notFound) assert.ok(a.found < a.asked && a.instead.length > 0, JSON.stringify(a))
    const top1 = out.overall.systems.ours.top1
    assert.equal(out.notFound.length === 0, top1 === 1)
  })

  it('usage: one of --pastes and --self; a missing file is one line', () => {
    const none = kb(['eval', '--articles', KB])
    assert.equal(none.code, 2)
    assert.equal(none.stderr, 'kb eval: give --pastes <file> or --self, one of them\n')
    const both = kb(['eval', '--articles', KB, '--self', '--pastes', pastes])
    assert.equal(both.code, 2)
    const missing = kb(['eval', '--articles', KB, '--pastes', path.join(dir, 'nope.jsonl')])
    assert.equal(missing.code, 1)
    assert.equal(missing.stderr, `kb eval: cannot read ${path.join(dir, 'nope.jsonl')}: no such file or folder (ENOENT)\n`)
  })
})
