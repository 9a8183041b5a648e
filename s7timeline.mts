import { spawn, execFileSync } from 'node:child_process'
import { writeFileSync, rmSync } from 'node:fs'
import { articleSource, DEFAULT_SEED } from './bench/generate.ts'
import { makeWorkload } from './bench/workload.ts'
const [index, count, events = '1'] = process.argv.slice(2)
const w = makeWorkload(Number(count), articleSource(DEFAULT_SEED), DEFAULT_SEED)
const reqs = w.shortPastes.map((p) => ({ method: 'POST', path: '/api/match', body: JSON.stringify({ text: p.text }) }))
rmSync('/tmp/s7/tc/data', { recursive: true, force: true })
const port = 42112
const t0 = performance.now()
const c = spawn(process.execPath, ['--expose-gc', '--no-allocation-site-pretenuring', 'build/bundle/main.js', 'serve', '--index', index!, '--port', String(port)], { env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'production', KB_EVENTS: events, KB_DATA_DIR: '/tmp/s7/tc/data' }, stdio: ['ignore', 'pipe', 'inherit'] })
c.stdout!.on('data', (d: Buffer) => { for (const l of d.toString().split('\n')) if (/"msg":"(query|serving|Server|index)/.test(l)) console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${l.slice(0, 200)}`) })
for (;;) { try { const r = await fetch(`http://127.0.0.1:${port}/readyz`); if (r.status === 200) break } catch {} await new Promise(r => setTimeout(r, 100)) }
console.log(`ready at ${((performance.now() - t0) / 1000).toFixed(1)} s`)
for (let i = 0; i < 12; i++) {
  writeFileSync('/tmp/s7/tc/job.json', JSON.stringify({ url: `http://127.0.0.1:${port}`, connections: 50, durationS: 2, requests: reqs }))
  const out = JSON.parse(execFileSync(process.execPath, ['build/bench/loadgen.js', '/tmp/s7/tc/job.json']).toString().trim().split('\n').pop()!)
  console.log(`t=${((performance.now() - t0) / 1000).toFixed(1)} s: ${Math.round(out.requests / out.durationS)} req/s p99 ${out.p99.toFixed(0)} ms`)
}
c.kill('SIGTERM'); await new Promise(r => setTimeout(r, 1500))
