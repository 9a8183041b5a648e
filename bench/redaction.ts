/**
 * What storing a question costs the request that asked it: redaction and normalization
 * (runtime/events/record.ts) over ordinary questions and over the shapes that would make a
 * pattern rescan a long run (every character a possible start of an e-mail, a URL, a key).
 * Long questions are not remembered, so each such request pays this in full. Then the whole of
 * recording a match (questionAsked: the lines and the paste redacted, the codes re-read) for the
 * bench workload's pastes, their error lines picked as the matcher picks them. Prints µs per
 * question; asserts nothing.
 *
 *   node --import tsx bench/redaction.ts [--rounds 200]
 */
import { parseArgs } from 'node:util'
import { readPaste } from '../src/core/match/paste.js'
import { MATCH_DEFAULTS } from '../src/core/match/options.js'
import { errorLinesOf } from '../src/core/match/match.js'
import { codeLinesOf, questionAsked, questionLines, redactedQuestion } from '../src/runtime/events/record.js'
import { articleSource } from './generate.js'
import { makeWorkload } from './workload.js'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' } } })
const rounds = Math.max(1, Number(values.rounds))

const stackLine = (i: number) => `   at com.example.billing.Handler${i}.process(Handler.java:${100 + i}) request=r${i}`
const shapes: Record<string, string[]> = {
  'search, 4 words': ['nonpaged pool connections refused'],
  'error, 2 lines': ['2025-04-22 06:03:51.447 Error: 18456, Severity: 14, State: 8.', "Login failed for user 'sa'. [CLIENT: 192.168.4.17]"],
  'stack trace, 8 KB': Array.from({ length: 100 }, (_, i) => stackLine(i)),
  'run of "a." (e-mail, URL, key starts)': ['a.'.repeat(4000) + 'password=x'],
  'run of "1-"': ['1-'.repeat(4000)],
  'run of "a%"': ['a%'.repeat(4000)],
  'base64 with "+"': ['A1+'.repeat(2700)],
  '"password=" then words': ['password=' + 'ab '.repeat(2700)],
  '"a@" repeated': ['a@'.repeat(4000)],
}

console.log(`| question | characters | µs per question (mean of ${rounds}) |`)
console.log('|---|--:|--:|')
for (const [name, lines] of Object.entries(shapes)) {
  redactedQuestion(lines) // compiled before it is timed
  const start = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) redactedQuestion(lines)
  const us = Number(process.hrtime.bigint() - start) / 1000 / rounds
  console.log(`| ${name} | ${lines.join('\n').length.toLocaleString('en-US')} | ${us.toFixed(1)} |`)
}

/** A match as the route records it: the error lines the matcher picks (match/match.ts), the paste, the codes read. */
function recorded(text: string) {
  const paste = readPaste(text)
  const errorLines = errorLinesOf(paste, MATCH_DEFAULTS.errorLineAt)
  const input = {
    kind: 'match' as const,
    lines: questionLines(errorLines, text),
    paste: text,
    codeLines: codeLinesOf(paste.codes, paste.codeSources, errorLines),
    codes: paste.codes,
  }
  return () => questionAsked({ ...input, resultIds: [], noConfidentMatch: false, partial: false, buildId: 'bench' })
}

const workload = makeWorkload(10_000, articleSource(), 1, { queries: 0, shortPastes: 100, longPastes: 20, longBytes: 40 * 1024 })
console.log('')
console.log(`| recording a match (bench workload) | pastes | µs per question (mean over the pastes, ${rounds} rounds) |`)
console.log('|---|--:|--:|')
for (const [name, pastes] of [
  ['short paste', workload.shortPastes],
  ['40 KB paste', workload.longPastes],
] as const) {
  const records = pastes.map((p) => recorded(p.text))
  for (const r of records) r() // compiled, and short questions remembered as a server remembers them
  const start = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) for (const r of records) r()
  const us = Number(process.hrtime.bigint() - start) / 1000 / rounds / records.length
  console.log(`| ${name} | ${records.length} | ${us.toFixed(1)} |`)
}
