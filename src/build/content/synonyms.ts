/**
 * A KB's own synonyms: `synonyms.yml` in the articles folder, loaded and validated like an
 * article (every problem, one line each, `synonyms.yml:line field: problem`). Its form:
 *
 *   - [single sign-on, sso, saml login]          # equivalent; the first is the canonical form
 *   - one-way: {from: [w3wp], to: worker process} # `from` is also read as `to`, not the reverse
 *
 * What it means at index and query time is core/analysis/synonyms.ts.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml'
import { BUILTIN_ONLY, type OneWaySynonym, type SynonymSource } from '../../core/analysis/synonyms.js'
import { isStopKey, phraseKeys } from '../../core/analysis/terms.js'
import { splitText } from '../../core/analysis/tokenize.js'
import { LIMITS } from '../../limits.js'
import type { Problem } from './problems.js'

/** The file's name in the articles folder. */
export const SYNONYMS_FILE = 'synonyms.yml'

const YAML_OPTIONS = { schema: 'failsafe', uniqueKeys: true, prettyErrors: true, logLevel: 'error' } as const
const FORM = 'a list of equivalent terms ("- [sso, single sign-on]") or a one-way rule ("- one-way: {from: [sso], to: single sign-on}")'

/** A KB's synonyms and the problems of its file. */
export interface SynonymsResult {
  synonyms: SynonymSource
  problems: Problem[]
}

/** Load `synonyms.yml` from an articles folder; a folder without one has the built-in list only. */
export async function loadSynonyms(dir: string, displayDir = dir): Promise<SynonymsResult> {
  let text: string
  try {
    text = await readFile(path.join(dir, SYNONYMS_FILE), 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { synonyms: BUILTIN_ONLY, problems: [] }
    throw err
  }
  return parseSynonyms(text, path.posix.join(displayDir.split(path.sep).join('/'), SYNONYMS_FILE))
}

/** Parse and validate the text of a synonyms.yml; only valid groups and rules are kept, and any error is a problem. */
export function parseSynonyms(text: string, display = SYNONYMS_FILE): SynonymsResult {
  const problems: Problem[] = []
  const problem = (line: number, field: string, message: string): void => {
    problems.push({ file: display, line, field, message, severity: 'error' })
  }
  const counter = new LineCounter()
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: counter })
  const lineOf = (node: Node | Pair | null | undefined): number => {
    const range = node && 'range' in node ? node.range : node && 'key' in node && isScalar(node.key) ? node.key.range : undefined
    return range ? counter.linePos(range[0]).line : 1
  }
  for (const error of [...doc.errors, ...doc.warnings]) {
    problem(error.linePos?.[0]?.line ?? 1, 'yaml', `invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`)
  }
  const groups: string[][] = []
  const oneWay: OneWaySynonym[] = []
  if (problems.length > 0 || doc.contents === null) return { synonyms: { builtin: true, groups, oneWay }, problems }
  if (!isSeq(doc.contents)) {
    problem(lineOf(doc.contents), 'synonyms', `must be a list; each item ${FORM}`)
    return { synonyms: { builtin: true, groups, oneWay }, problems }
  }

  // Every term once in the file, compared as the index reads it (`Databases` is `database`).
  const seen = new Map<string, string>()
  /** A valid term, or undefined after a problem; `field` names it in problems. `owner` undefined: a target, which may be any group's term. */
  const term = (node: unknown, field: string, owner: string | undefined): string | undefined => {
    if (!isScalar(node) || typeof node.value !== 'string') {
      problem(lineOf(node as Node), field, `must be a term (text), got ${isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'nothing'}`)
      return undefined
    }
    const value = node.value.trim()
    const words = splitText(value).length
    const keys = phraseKeys(value)
    if (value === '') problem(lineOf(node), field, 'empty term')
    else if (keys.every(isStopKey)) problem(lineOf(node), field, `"${value}" has no searchable word (only stop words or punctuation)`)
    else if (words > LIMITS.synonymTermWords) problem(lineOf(node), field, `"${value}" has ${words} words, a term at most ${LIMITS.synonymTermWords}`)
    else if (owner === undefined) return value
    else {
      const key = keys.join(' ')
      const before = seen.get(key)
      if (before !== undefined) {
        problem(lineOf(node), field, `"${value}" is already in ${before}; a term belongs to one group or rule`)
        return undefined
      }
      seen.set(key, owner)
      return value
    }
    return undefined
  }
  const terms = (node: unknown, field: string, owner: string): string[] | undefined => {
    if (!isSeq(node)) return [term(node, field, owner)].filter((t) => t !== undefined)
    if (node.items.length === 0) {
      problem(lineOf(node), field, `empty list; list ${field.endsWith('from') ? 'at least 1 term' : 'at least 2 equivalent terms'}`)
      return undefined
    }
    if (node.items.length > LIMITS.synonymGroupTerms) {
      problem(lineOf(node), field, `has ${node.items.length} terms, at most ${LIMITS.synonymGroupTerms}`)
      return undefined
    }
    const out = node.items.map((item, j) => term(item, `${field}[${j}]`, owner))
    return out.every((t) => t !== undefined) ? (out as string[]) : undefined
  }

  doc.contents.items.forEach((item, i) => {
    const field = `synonyms[${i}]`
    const owner = `${field} (line ${lineOf(item as Node)})`
    if (i === LIMITS.synonymGroups) problem(lineOf(item as Node), field, `more than ${LIMITS.synonymGroups} groups and rules; split the KB or merge groups`)
    if (i >= LIMITS.synonymGroups) return
    if (isSeq(item)) {
      if (item.items.length === 1) {
        problem(lineOf(item), field, 'a group needs at least 2 equivalent terms, got 1')
        return
      }
      const group = terms(item, field, owner)
      if (group) groups.push(group)
      return
    }
    if (isMap(item)) {
      const rule = oneWayRule(item, field, owner)
      if (rule) oneWay.push(rule)
      return
    }
    problem(lineOf(item as Node), field, `must be ${FORM}`)
  })

  /** True when a mapping has only known keys; each other key is a problem. */
  function knownKeys(map: YAMLMap, known: readonly string[], field: string): boolean {
    const unknown = map.items.filter((pair) => !known.includes(isScalar(pair.key) ? String(pair.key.value) : ''))
    for (const pair of unknown)
      problem(lineOf(pair), `${field}.${isScalar(pair.key) ? String(pair.key.value) : '?'}`, `unknown key (known: ${known.join(', ')})`)
    return unknown.length === 0
  }

  function oneWayRule(map: YAMLMap, field: string, owner: string): OneWaySynonym | undefined {
    if (!knownKeys(map, ['one-way'], field)) return undefined
    const body = map.get('one-way', true)
    if (!isMap(body)) {
      problem(lineOf(map), `${field}.one-way`, 'must be a mapping: {from: [terms], to: term}')
      return undefined
    }
    if (!knownKeys(body, ['from', 'to'], `${field}.one-way`)) return undefined
    const missing = ['from', 'to'].filter((key) => !body.has(key))
    for (const key of missing) problem(lineOf(body), `${field}.one-way`, `"${key}" is missing`)
    if (missing.length > 0) return undefined
    const to = term(body.get('to', true), `${field}.one-way.to`, undefined)
    const from = terms(body.get('from', true), `${field}.one-way.from`, owner)
    return to !== undefined && from !== undefined && from.length > 0 ? { from, to } : undefined
  }

  return { synonyms: { builtin: true, groups, oneWay }, problems }
}
