/**
 * The licenses of the production dependencies, from package-lock.json (what `npm ci --omit=dev`
 * installs): writes docs/licenses.md, or with `--check` exits 1 when that file is out of date.
 * `npm test` runs the check (test/supply-chain.test.ts), so a new dependency's license is seen
 * in review.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
export const LICENSES_DOC = path.join(ROOT, 'docs', 'licenses.md')

interface LockEntry {
  version?: string
  license?: string
  dev?: boolean
  link?: boolean
}

/** The production packages of a lockfile (v2/v3), as `name version license`, sorted by name. */
export function productionPackages(lock: { packages: Record<string, LockEntry> }): Array<{ name: string; version: string; license: string }> {
  const out: Array<{ name: string; version: string; license: string }> = []
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev || entry.link) continue
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)
    out.push({ name, version: entry.version ?? '?', license: entry.license ?? 'UNKNOWN' })
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1))
}

/** docs/licenses.md for a lockfile: a count by license, then one row per package. */
export function licensesMarkdown(lock: { packages: Record<string, LockEntry> }): string {
  const pkgs = productionPackages(lock)
  const byLicense = new Map<string, number>()
  for (const p of pkgs) byLicense.set(p.license, (byLicense.get(p.license) ?? 0) + 1)
  const lines = [
    '# Licenses of the production dependencies',
    '',
    'Generated from `package-lock.json` by `npm run licenses`; `npm test` fails when it is out of date.',
    'Security advisories: `npm run audit:prod` (npm audit of these packages) where the npm advisory service is reachable;',
    "this project's CI machines reach only the package registry, so it is run by hand or in a KB's own CI.",
    `These are the ${pkgs.length} packages \`npm ci --omit=dev\` installs (the service and the \`kb\` CLI at run time).`,
    '',
    '| license | packages |',
    '|---|---|',
    ...[...byLicense].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l, n]) => `| ${l} | ${n} |`),
    '',
    '| package | version | license |',
    '|---|---|---|',
    ...pkgs.map((p) => `| ${p.name} | ${p.version} | ${p.license} |`),
    '',
  ]
  return lines.join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'))
  const want = licensesMarkdown(lock)
  if (process.argv.includes('--check')) {
    let have = ''
    try {
      have = readFileSync(LICENSES_DOC, 'utf8')
    } catch {}
    if (have !== want) {
      console.error('docs/licenses.md is out of date with package-lock.json; run npm run licenses')
      process.exit(1)
    }
  } else {
    writeFileSync(LICENSES_DOC, want)
    console.log(`wrote ${path.relative(ROOT, LICENSES_DOC)}`)
  }
}
