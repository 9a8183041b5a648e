/**
 * What storing a question costs the request that asked it: redaction and normalization
 * (runtime/events/record.ts) over ordinary questions and over the shapes that would make a
 * pattern rescan a long run (every character a possible start of an e-mail, a URL, a key).
 * Long questions are not remembered, so each such request pays this in full. Prints µs per
 * question; asserts nothing.
 *
 *   node --import tsx bench/redaction.ts [--rounds 200]
 */
import { parseArgs } from 'node:util'
import { redactedQuestion } from '../src/runtime/events/record.js'

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
