/**
 * Synonyms: the built-in abbreviations (abbreviations.ts) and a KB's own `synonyms.yml`, applied
 * to term sequences the same way at index and at query time.
 *
 * Equivalent terms are normalized to one canonical form on both sides (the group's first entry):
 * `db`, `apppool` and `app pool` are indexed, searched and matched as `database` and
 * `application pool`. Why not expand only the query (`db` -> `db OR database`)? A phrase cannot
 * be asked term by term: `application pool` asked as `application` and `pool` matches every
 * article that says "application", and Lunr has no phrase query. Normalizing is exact for phrases,
 * costs no index growth (a variant is replaced, not added) and no query growth beyond the
 * canonical form's words, keeps a concept's document frequency whole (an article saying `db` and
 * one saying `database` count as two holding the same term, so its rarity is right), and lets
 * the matcher see a symptom and a paste that use different variants as the same words. The cost:
 * a variant is not searchable apart from its group, which is what a group says.
 *
 * A one-way rule (`from` -> `to`) is applied to queries and pastes only, and adds the target to
 * what was typed: a search for `from` finds articles that say `to`, not the reverse.
 *
 * Terms are compared as keys (terms.ts `termKey`): stemmed, so `certs` is `cert`, with stop words
 * kept and marked, so `log in` is not `log`. At each position the longest phrase wins.
 */
import { BUILTIN_SYNONYMS } from './abbreviations.js'
import { isStopKey, phraseKeys, phraseSurface } from './terms.js'

/** A one-way rule: each of `from` is also read as `to`, in queries and pastes only. */
export interface OneWaySynonym {
  from: string[]
  to: string
}

/** The synonyms an index was built with, as stored in the artifact: whether the built-in list applies, and the KB's own. */
export interface SynonymSource {
  builtin: boolean
  /** Groups of equivalent terms; the first is the canonical form. */
  groups: string[][]
  oneWay: OneWaySynonym[]
}

/** The synonyms of an index built without a synonyms.yml: the built-in list only. */
export const BUILTIN_ONLY: SynonymSource = Object.freeze({ builtin: true, groups: [], oneWay: [] })

/** No synonyms at all, not even the built-in list: to measure what they do (the eval's `KB_SYNONYMS=off`). */
export const NO_SYNONYMS: SynonymSource = Object.freeze({ builtin: false, groups: [], oneWay: [] })

/** Index side (articles: equivalences only) or query side (searches and pastes: one-way rules too). */
export type Side = 'index' | 'query'

interface Rule {
  /** The keys of the phrase that triggers it. */
  keys: readonly string[]
  /** What it stands for, as index terms, and as words for the Lunr pipeline's later steps. */
  out: readonly string[]
  surface: readonly string[]
  /** One-way: keep what was written and add `out`. */
  keep: boolean
}

/** Where an output term came from: the position of the first key of what produced it. */
export interface Placed {
  term: string
  at: number
}

/** A compiled table of synonyms; `apply` rewrites a sequence of term keys. */
export class Synonyms {
  private readonly index = new Map<string, Rule[]>()
  private readonly query = new Map<string, Rule[]>()

  private constructor(readonly source: SynonymSource) {
    // The KB's groups after the built-in ones: a KB that lists a built-in term again decides what it means.
    const groups = [...(source.builtin ? BUILTIN_SYNONYMS : []), ...source.groups]
    for (const group of groups) {
      const canonical = group[0]!
      const out = phraseKeys(canonical).filter((k) => !isStopKey(k))
      const surface = phraseSurface(canonical)
      for (const member of group) this.add([this.index, this.query], { keys: phraseKeys(member), out, surface, keep: false })
    }
    for (const rule of source.oneWay) {
      const out = phraseKeys(rule.to).filter((k) => !isStopKey(k))
      for (const from of rule.from) this.add([this.query], { keys: phraseKeys(from), out, surface: phraseSurface(rule.to), keep: true })
    }
  }

  /** Compile a source (validated: build/content/synonyms.ts). */
  static from(source: SynonymSource = BUILTIN_ONLY): Synonyms {
    return new Synonyms(source)
  }

  /** True when nothing is rewritten (no built-in list, no KB synonyms). */
  get empty(): boolean {
    return this.index.size === 0 && this.query.size === 0
  }

  private add(tables: Array<Map<string, Rule[]>>, rule: Rule): void {
    if (rule.keys.length === 0) return
    for (const table of tables) {
      const first = rule.keys[0]!
      // A later rule for the same phrase replaces an earlier one; longest phrases are tried first.
      const rules = (table.get(first) ?? []).filter((r) => !sameKeys(r.keys, rule.keys))
      rules.push(rule)
      rules.sort((a, b) => b.keys.length - a.keys.length)
      table.set(first, rules)
    }
  }

  /** Rewrite a sequence of keys into index terms (stop words dropped). */
  apply(keys: readonly string[], side: Side): string[] {
    const out: string[] = []
    this.scan(keys, side, (term) => out.push(term))
    return out
  }

  /** As `apply`, with the position each term came from (a phrase's terms: its first word's). */
  applyPlaced(keys: readonly string[], side: Side): Placed[] {
    const out: Placed[] = []
    this.scan(keys, side, (term, at) => out.push({ term, at }))
    return out
  }

  /**
   * For the Lunr pipeline (index side): per position, undefined to keep the token, or the words
   * to put in its place (empty to drop it: a later word of a replaced phrase).
   */
  surfacePlan(keys: readonly string[]): Array<readonly string[] | undefined> {
    const plan: Array<readonly string[] | undefined> = new Array(keys.length).fill(undefined)
    for (let i = 0; i < keys.length;) {
      const rule = this.ruleAt(this.index, keys, i)
      if (!rule) {
        i++
        continue
      }
      plan[i] = rule.surface
      for (let j = 1; j < rule.keys.length; j++) plan[i + j] = []
      i += rule.keys.length
    }
    return plan
  }

  private scan(keys: readonly string[], side: Side, emit: (term: string, at: number) => void): void {
    const table = side === 'index' ? this.index : this.query
    for (let i = 0; i < keys.length;) {
      const rule = table.size > 0 ? this.ruleAt(table, keys, i) : undefined
      if (!rule) {
        if (!isStopKey(keys[i]!)) emit(keys[i]!, i)
        i++
        continue
      }
      if (rule.keep) for (let j = 0; j < rule.keys.length; j++) if (!isStopKey(keys[i + j]!)) emit(keys[i + j]!, i + j)
      for (const term of rule.out) emit(term, i)
      i += rule.keys.length
    }
  }

  private ruleAt(table: Map<string, Rule[]>, keys: readonly string[], i: number): Rule | undefined {
    const rules = table.get(keys[i]!)
    if (!rules) return undefined
    return rules.find((r) => r.keys.length <= keys.length - i && r.keys.every((k, j) => keys[i + j] === k))
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i])
}
