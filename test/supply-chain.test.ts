/**
 * Supply chain: every lockfile entry comes from the npm registry over HTTPS with a sha512
 * integrity hash (lockfile-lint, and a direct check of the lockfile's entries), and the licenses
 * of the production dependencies are listed, up to date, in docs/licenses.md.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { LICENSES_DOC, licensesMarkdown, productionPackages } from '../scripts/licenses.js'
import { REPO } from './helpers/kb.js'

const LOCKFILE = path.join(REPO, 'package-lock.json')
const LOCKFILE_LINT = path.join(REPO, 'node_modules', 'lockfile-lint', 'bin', 'lockfile-lint.js')
const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8')) as { packages: Record<string, Record<string, unknown>> }

/** Run lockfile-lint with the project's policy on a lockfile; its exit status and output. */
function lockfileLint(file: string): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    [
      LOCKFILE_LINT,
      '--path',
      file,
      '--type',
      'npm',
      '--allowed-hosts',
      'npm',
      '--validate-https',
      '--validate-integrity',
      '--validate-package-names',
      '--empty-hostname',
      'false',
      '--format',
      'plain',
    ],
    { encoding: 'utf8' },
  )
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('supply chain', () => {
  it('lockfile-lint: every entry from the npm registry over HTTPS, with sha512 integrity and its own name', () => {
    const r = lockfileLint(LOCKFILE)
    assert.equal(r.status, 0, r.out)
  })

  it('lockfile-lint refuses an entry from another host or without a sha512 hash (the check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-lock-'))
    try {
      const [key, entry] = Object.entries(lock.packages).find(([k]) => k.startsWith('node_modules/fastify'))!
      const bad = structuredClone(lock)
      bad.packages[key] = { ...entry, resolved: `https://registry.example.net/fastify/-/fastify-${String(entry.version)}.tgz` }
      writeFileSync(path.join(dir, 'host.json'), JSON.stringify(bad))
      const host = lockfileLint(path.join(dir, 'host.json'))
      assert.notEqual(host.status, 0)
      assert.match(host.out, /registry\.example\.net/)

      const weak = structuredClone(lock)
      weak.packages[key] = { ...entry, integrity: 'sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=' }
      writeFileSync(path.join(dir, 'weak.json'), JSON.stringify(weak))
      assert.notEqual(lockfileLint(path.join(dir, 'weak.json')).status, 0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  // This npm writes no `resolved` address (it resolves each entry from the configured registry),
  // and lockfile-lint only checks the entries that have one: the rest is checked here.
  it('every entry is a registry version with a sha512 hash; an address, where written, is the npm registry', () => {
    const bad = Object.entries(lock.packages)
      .filter(([k, v]) => k !== '' && !v.link)
      .filter(([, v]) => {
        const registryVersion = typeof v.version === 'string' && /^\d+\.\d+\.\d+(?:[-+][\w.+-]*)?$/.test(v.version)
        const integrity = typeof v.integrity === 'string' && v.integrity.startsWith('sha512-')
        const address = v.resolved === undefined || String(v.resolved).startsWith('https://registry.npmjs.org/')
        return !(registryVersion && integrity && address)
      })
      .map(([k]) => k)
    assert.deepEqual(bad, [])
  })

  it('docs/licenses.md lists every production dependency and its license, as the lockfile has them', () => {
    assert.equal(readFileSync(LICENSES_DOC, 'utf8'), licensesMarkdown(lock as never), 'docs/licenses.md is out of date: run npm run licenses')
    const prod = productionPackages(lock as never)
    assert.ok(prod.some((p) => p.name === 'fastify'))
    assert.ok(!prod.some((p) => p.name === 'typescript'), 'dev dependencies are not listed')
    assert.deepEqual(
      prod.filter((p) => p.license === 'UNKNOWN'),
      [],
    )
  })

  it('npm itself sees the production tree as installed from the lockfile', () => {
    // `npm ls --omit=dev` fails on a missing, extraneous or invalid production dependency.
    execFileSync('npm', ['ls', '--omit=dev', '--all'], { cwd: REPO, stdio: 'pipe' })
  })
})
