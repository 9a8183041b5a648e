/**
 * The benchmark's traffic, drawn from a generated KB (seeded like the KB itself):
 * - search queries: a few words of a title or symptom, error codes, code plus a word, and Lunr
 *   syntax (`title:`, `+`, `-`, `*`, `~1`, `^5`), plus the odd query that is not valid syntax;
 * - short pastes: one error line of an article, placeholders filled, with log noise around it;
 * - 40 KB pastes: a log of INFO chatter with one error line of an article in the middle.
 * Each paste knows the article it came from, for a sanity check of answer quality.
 */
import { type GeneratedArticle, chatterLine, errorPrefix, fillPlaceholders } from './generate.js'
import { mixSeed, Rng } from './prng.js'

export interface Paste {
  /** Article the error line came from. */
  expected: string
  text: string
}

export interface Workload {
  queries: string[]
  shortPastes: Paste[]
  longPastes: Paste[]
}

const STOP = new Set([
  'the',
  'and',
  'with',
  'from',
  'when',
  'after',
  'for',
  'fails',
  'only',
  'how',
  'resolve',
  'logs',
  'error',
  'intermittent',
  'behind',
  'this',
  'that',
])

/** Plain words of a text usable as query terms (letters only, 4+ characters, not stop words). */
function words(text: string): string[] {
  return (text.match(/[A-Za-z]{4,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !STOP.has(w))
}

function query(r: Rng, a: GeneratedArticle): string {
  const tw = words(a.title)
  const sw = words(a.symptoms.join(' '))
  const pool = tw.length >= 2 ? tw : [...tw, ...sw]
  const w = () => r.pick(pool.length > 0 ? pool : ['error'])
  const code = () => r.pick(a.errorCodes.length > 0 ? a.errorCodes : [w()])
  const k = r.next()
  if (k < 0.3) return r.sample(pool, r.int(2, 4)).join(' ') || w()
  if (k < 0.45) return code()
  if (k < 0.55) return `${code()} ${w()}`
  if (k < 0.65) return r.sample([...tw, ...sw], r.int(4, 7)).join(' ') || w()
  if (k < 0.7) return `title:${w()}`
  if (k < 0.76) return `+${w()} +${w()}`
  if (k < 0.81) return `${w()} -${r.pick(['linux', 'windows', 'oracle', 'kubernetes'])}`
  if (k < 0.86) return `${w().slice(0, 4)}*`
  if (k < 0.9) return `${w()}~1`
  if (k < 0.95) return `${w()}^5 ${w()}`
  if (k < 0.98) return `${code()} ${r.pick(['C:\\inetpub\\logs\\LogFiles', 'HKLM\\SYSTEM\\CurrentControlSet', 'D:\\apps\\portal'])}`
  return `"${a.title.slice(0, 40)}"`
}

/** One error line with noise: a log prefix, sometimes a trailer, sometimes a stack frame. */
function shortPaste(r: Rng, a: GeneratedArticle, t: number): Paste {
  const line = fillPlaceholders(r.pick(a.errorLines), r)
  const parts: string[] = []
  const k = r.next()
  if (k < 0.4) parts.push(`${errorPrefix(r, t)}${line}`)
  else if (k < 0.6) parts.push(line)
  else if (k < 0.8) parts.push(`${line} (correlationId=${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)})`)
  else
    parts.push(
      `[${r.pick(['web01', 'app-prd-03', 'k8s-node-4'])}] ${line}`,
      `   at ${r.pick(['Contoso.Portal', 'com.example.portal'])}.${r.pick(['OrderService', 'LoginController', 'CacheWarmer'])}.${r.pick(['Execute', 'handle', 'Run'])}()`,
    )
  return { expected: a.id, text: parts.join('\n') }
}

/** ~`bytes` of INFO chatter with the article's error line in the middle. */
function longPaste(r: Rng, a: GeneratedArticle, bytes: number): Paste {
  const lines: string[] = []
  let size = 0
  let t = r.int(0, 3_600_000)
  let placed = false
  while (size < bytes) {
    t += r.int(1, 900)
    const line = !placed && size >= bytes / 2 ? `${errorPrefix(r, t)}${fillPlaceholders(r.pick(a.errorLines), r)}` : chatterLine(r, t)
    if (line.includes(' ERROR [')) placed = true
    lines.push(line)
    size += line.length + 1
  }
  return { expected: a.id, text: lines.join('\n') }
}

/**
 * Build the workload for a KB of `count` articles (deterministic for a seed); `at(i)` gives article
 * i (bench/generate.ts articleSource), so only the articles drawn are ever made.
 */
export function makeWorkload(
  count: number,
  at: (index: number) => GeneratedArticle,
  seed: number,
  opts = { queries: 400, shortPastes: 300, longPastes: 40, longBytes: 40 * 1024 },
): Workload {
  const r = new Rng(mixSeed(seed, 0xbe7c4))
  const some = (n: number) => Array.from({ length: n }, () => at(r.int(0, count - 1)))
  return {
    queries: some(opts.queries).map((a) => query(r, a)),
    shortPastes: some(opts.shortPastes).map((a, i) => shortPaste(r, a, i * 1000)),
    longPastes: some(opts.longPastes).map((a) => longPaste(r, a, opts.longBytes)),
  }
}
