#!/usr/bin/env node
/**
 * Build only when the build is older than its sources (`npm run kb` and `npm start` run this
 * first). Why: rebuilding before every command cost about 20 s (TypeScript and two bundles) for
 * nothing when no source had changed. Stale means: a file under src/ or web/, a build script,
 * package.json or package-lock.json is newer than the oldest built file (the server bundles and
 * the hosted page's files), or one of those is missing. Then it runs `npm run build` as before.
 * esbuild leaves an output it would write unchanged alone, so a build that changed nothing in a
 * bundle would look stale forever: a successful build here also writes build/.built, which counts
 * as the build's time when it is newer.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.join(import.meta.dirname, '..')
const INPUTS = ['src', 'web', 'scripts/bundle-server.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']
const OUTPUTS = [
  'build/bundle/main.js',
  'build/bundle/worker.js',
  'build/bundle/artifact-worker.js',
  'build/public/index.html',
  'build/public/widget.js',
  'build/public/app.js',
]

/** The newest modification time of a file, or of any file below a folder; 0 when absent. */
function newest(file) {
  let info
  try {
    info = statSync(file)
  } catch {
    return 0
  }
  if (!info.isDirectory()) return info.mtimeMs
  let max = 0
  for (const e of readdirSync(file, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) max = Math.max(max, statSync(path.join(e.parentPath, e.name)).mtimeMs)
  }
  return max
}

/** The oldest built file's modification time; 0 when one is missing. */
function oldestOutput() {
  let min = Number.POSITIVE_INFINITY
  for (const f of OUTPUTS) {
    const t = newest(path.join(root, f))
    if (t === 0) return 0
    min = Math.min(min, t)
  }
  return min
}

const STAMP = path.join(root, 'build', '.built')
const outputs = oldestOutput()
const built = outputs === 0 ? 0 : Math.max(outputs, newest(STAMP))
const source = Math.max(...INPUTS.map((f) => newest(path.join(root, f))))
if (built === 0 || source > built) {
  process.stderr.write(built === 0 ? 'kb: no build yet, building...\n' : 'kb: sources changed since the last build, rebuilding...\n')
  const started = new Date()
  // The build's output goes to stderr: stdout is the command's own (`npm run -s kb -- report > report.md`).
  const run = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['inherit', 2, 'inherit'] })
  if (run.status === 0) {
    // Dated when the build started: a source saved during the build still counts as newer.
    writeFileSync(STAMP, `${started.toISOString()}\n`)
    utimesSync(STAMP, started, started)
  }
  process.exit(run.status ?? 1)
}
