/**
 * Log template mining: questions that are the same error with different values (ids, users, paths,
 * ports) become one group with one template, `<*>` where the values differ.
 *
 * This is Drain (P. He, J. Zhu, Z. Zheng, M. R. Lyu, "Drain: An Online Log Parsing Approach with
 * Fixed Depth Tree", IEEE ICWS 2017): a line is routed down a tree of fixed depth, first by its
 * number of tokens, then by its first tokens (a token with a digit routes as `<*>`, and a node
 * with too many children sends the rest to its `<*>` child), to a leaf holding a few groups; it
 * joins the most similar group whose similarity (equal tokens / tokens) reaches the threshold, the
 * differing positions becoming `<*>`, or starts a group of its own.
 *
 * Two changes for questions rather than log lines, both so that different errors stay apart:
 * - the codes the matcher read (HRESULTs, HTTP substatus, SQL Msg numbers) are part of the route
 *   (`key`): two pastes with different codes are different problems, however alike their words;
 * - two words that differ (neither looks like a value: no digit, path, placeholder, quote or `=`)
 *   keep the lines apart: "connection refused" and "connection reset" are different errors, where
 *   "port 8080" and "port 8443" are one.
 * Pure, deterministic (the same items in the same order give the same groups) and bounded: tokens
 * per line, children per node and groups per leaf are capped, so the cost is linear in the items.
 */

/** Options of the miner; every default chosen for pasted error lines. */
export interface TemplateOptions {
  /** Prefix tokens routed on below the token-count layer (Drain's depth minus 2). Default 2. */
  prefixTokens: number
  /** Share of equal tokens a line needs to join a group (Drain's st). Default 0.5, as the paper's for most logs. */
  similarity: number
  /** Children of one tree node, at most; the rest route to `<*>` (Drain's maxChild). Default 100. */
  maxChildren: number
  /** Groups of one leaf, at most; a line that would start one more is counted in `overflow`. Default 200. */
  maxGroupsPerLeaf: number
  /** Tokens of a line read, at most; the rest are ignored. Default 64. */
  maxTokens: number
}

/** The defaults (see each field). */
export const defaultTemplateOptions: TemplateOptions = { prefixTokens: 2, similarity: 0.5, maxChildren: 100, maxGroupsPerLeaf: 200, maxTokens: 64 }

/** One line to mine: its text, and what must be equal for two lines to be one group (the codes read). */
export interface TemplateItem {
  text: string
  key?: string
}

/** A group of lines and their template. */
export interface TemplateGroup {
  /** Stable id: a hash of the key and the template. */
  id: string
  template: string
  key: string
  /** Positions in the input of the lines of this group, in input order. */
  members: number[]
}

/** The wildcard of a template. */
export const WILDCARD = '<*>'

interface Group {
  tokens: string[]
  key: string
  members: number[]
}

interface Node {
  children: Map<string, Node>
  groups: Group[]
}

const newNode = (): Node => ({ children: new Map(), groups: [] })

/** The tokens of a line as the miner reads them: split on white space, at most `max`. */
export function templateTokens(text: string, max = defaultTemplateOptions.maxTokens): string[] {
  const tokens = text.trim().split(/\s+/).filter(Boolean)
  return tokens.length > max ? tokens.slice(0, max) : tokens
}

/** True when a token is a value rather than a word: a digit, a path, a placeholder, a quote, an assignment. */
export function isValueToken(token: string): boolean {
  return token === WILDCARD || /[\d/\\<>'"=@]/.test(token)
}

/**
 * Group lines into templates (Drain, with the changes above). Returns the groups in order of
 * their first line, and how many lines found a leaf already full of groups (`overflow`).
 */
export function mineTemplates(items: readonly TemplateItem[], options: Partial<TemplateOptions> = {}): { groups: TemplateGroup[]; overflow: number } {
  const o = { ...defaultTemplateOptions, ...options }
  const root = newNode()
  const all: Group[] = []
  let overflow = 0
  items.forEach((item, i) => {
    const tokens = templateTokens(item.text, o.maxTokens)
    if (tokens.length === 0) return
    const key = item.key ?? ''
    const leaf = route(root, `${tokens.length}\u0000${key}`, tokens, o)
    const best = mostSimilar(leaf.groups, tokens, o.similarity)
    if (best) {
      best.tokens = merge(best.tokens, tokens)
      best.members.push(i)
    } else if (leaf.groups.length < o.maxGroupsPerLeaf) {
      const g = { tokens, key, members: [i] }
      leaf.groups.push(g)
      all.push(g)
    } else overflow++
  })
  return {
    groups: all.map((g) => {
      const template = g.tokens.join(' ')
      return { id: templateId(g.key, template), template, key: g.key, members: g.members }
    }),
    overflow,
  }
}

/** The leaf of a line: by token count and key, then by its first tokens. */
function route(root: Node, first: string, tokens: string[], o: TemplateOptions): Node {
  let node = child(root, first, Number.POSITIVE_INFINITY)
  for (let d = 0; d < Math.min(o.prefixTokens, tokens.length); d++) {
    const t = tokens[d]!
    node = child(node, /\d/.test(t) ? WILDCARD : t, o.maxChildren)
  }
  return node
}

/** A node's child for a token, made if there is room; when there is none, its `<*>` child. */
function child(node: Node, token: string, max: number): Node {
  const found = node.children.get(token)
  if (found) return found
  const label = node.children.size < max - 1 || token === WILDCARD ? token : WILDCARD
  let made = node.children.get(label)
  if (!made) {
    made = newNode()
    node.children.set(label, made)
  }
  return made
}

/**
 * The group a line joins: the highest share of equal tokens at or above the threshold (wildcards
 * are not counted equal, as in Drain; ties go to the group with more wildcards, then the oldest),
 * among the groups it differs from only at values.
 */
function mostSimilar(groups: Group[], tokens: string[], threshold: number): Group | undefined {
  let best: Group | undefined
  let bestSim = -1
  let bestWild = -1
  for (const g of groups) {
    let same = 0
    let wild = 0
    let wordsDiffer = false
    for (let i = 0; i < tokens.length; i++) {
      const a = g.tokens[i]!
      const b = tokens[i]!
      if (a === WILDCARD) wild++
      else if (a === b) same++
      else if (!isValueToken(a) && !isValueToken(b)) {
        wordsDiffer = true
        break
      }
    }
    if (wordsDiffer) continue
    const sim = same / tokens.length
    if (sim >= threshold && (sim > bestSim || (sim === bestSim && wild > bestWild))) {
      best = g
      bestSim = sim
      bestWild = wild
    }
  }
  return best
}

/** A template and a line of the same length: equal tokens kept, the others `<*>`. */
function merge(template: string[], tokens: string[]): string[] {
  return template.map((t, i) => (t === tokens[i] ? t : WILDCARD))
}

/** A stable id of a template: FNV-1a (64 bits) of the key and the template, 16 hex digits. */
export function templateId(key: string, template: string): string {
  let h = 0xcbf29ce484222325n
  const text = `${key}\u0000${template}`
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i))
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return h.toString(16).padStart(16, '0')
}
