#!/usr/bin/env node
// Writes eval/pastes.jsonl from the readable case sources in eval/src/*.mjs.
//   node eval/build-pastes.mjs           write the file
//   node eval/build-pastes.mjs --check   exit 1 if the file is not what the sources produce
// Edit the sources, not the JSONL: multi-line pastes are reviewable there.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import bundled1 from './src/bundled-1.mjs'
import bundled2 from './src/bundled-2.mjs'
import imported from './src/imported.mjs'
import negative from './src/negative.mjs'
import terseStack from './src/terse-stack.mjs'
import iisMore from './src/iis-more.mjs'
import sqlMore from './src/sql-more.mjs'
import bundledDescribed from './src/bundled-described.mjs'
import gitlab from './src/gitlab.mjs'
import awsDevtools from './src/aws-devtools.mjs'

/** The labels a case's `kind` may have (eval/README.md says what each means). */
const KINDS = new Set([
  'event-viewer',
  'iis-log',
  'app-log',
  'stack-trace',
  'db-client',
  'browser',
  'truncated',
  'terse',
  'terminal',
  'dialog',
  'described',
  'negative',
])
/** A corpus name: `bundled` (articles/) or a corpus folder's name, which are slugs. */
const CORPUS = /^[a-z0-9][a-z0-9-]*$/

const out = fileURLToPath(new URL('./pastes.jsonl', import.meta.url))
const cases = [...bundled1, ...bundled2, ...imported, ...negative, ...terseStack, ...iisMore, ...sqlMore, ...bundledDescribed, ...gitlab, ...awsDevtools]

const lines = cases.map((c) => {
  for (const k of ['id', 'corpus', 'kind', 'text', 'set', 'note']) {
    if (typeof c[k] !== 'string' || c[k] === '') throw new Error(`case ${c.id ?? '?'}: "${k}" must be a non-empty string`)
  }
  if (!KINDS.has(c.kind)) throw new Error(`case ${c.id}: unknown kind "${c.kind}"`)
  if (!CORPUS.test(c.corpus)) throw new Error(`case ${c.id}: corpus "${c.corpus}" is not a corpus name`)
  if (c.expect !== null && typeof c.expect !== 'string') throw new Error(`case ${c.id}: "expect" must be a string or null`)
  // Fixed key order, no trailing spaces on lines (copy artefacts of the source, not of the paste).
  const text = c.text.split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n')
  return JSON.stringify({ id: c.id, corpus: c.corpus, kind: c.kind, text, expect: c.expect, set: c.set, note: c.note })
})
const body = lines.join('\n') + '\n'

if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(out, 'utf8')
  } catch {}
  if (current !== body) {
    console.error('eval/pastes.jsonl is out of date with eval/src/*.mjs: run node eval/build-pastes.mjs')
    process.exit(1)
  }
  console.log(`eval/pastes.jsonl is up to date (${cases.length} cases)`)
} else {
  writeFileSync(out, body)
  console.log(`wrote ${out} (${cases.length} cases)`)
}
