/**
 * `kb new`: scaffold an article, `status: draft`, from flags (`--title T --product P --symptom S`),
 * from prompts on a terminal, or from a pasted error (`--from-paste < error.txt`). The id and file
 * name come from the title; an existing file is never overwritten. The frontmatter opens with a
 * `# yaml-language-server: $schema=...` line pointing at the JSON Schema (`kb schema` writes it,
 * the server serves it), and what only the author can say is left as `TODO(draft):` lines, which
 * lint accepts in a draft and refuses in a published article.
 *
 * A paste is read the way the matcher reads it (core/match/paste.ts): its error-like lines become
 * the symptoms, verbatim but for the values that vary from one occurrence to the next, which the
 * matcher's normalizers (core/match/normalize.ts) find and which become `<placeholders>` here, so
 * the symptom matches the next occurrence too.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline/promises'
import type { Command } from 'commander'
import { articleSlug } from '../core/article-slug.js'
import { DRAFT_TODO } from '../core/insights/draft.js'
import { NORMALIZERS } from '../core/match/normalize.js'
import { MATCH_DEFAULTS } from '../core/match/options.js'
import { readPaste } from '../core/match/paste.js'
import { CliError, systemReason } from './errors.js'
import { DEFAULT_SCHEMA_FILE } from './schema.js'

/** Symptoms taken from a paste, at most, and characters of each (as kb draft keeps them). */
const MAX_PASTE_SYMPTOMS = 5
const MAX_SYMPTOM_CHARS = 300
const MAX_TITLE_CHARS = 100

/** What the author gives `kb new`. */
export interface NewArticle {
  title: string
  products: string[]
  symptoms: string[]
  /** What the `$schema` line names: a URL, or a path relative to the article's folder. */
  schema: string
}

/** A YAML scalar that is read back as exactly this text: a JSON string is a YAML double-quoted scalar. */
const scalar = (s: string): string => JSON.stringify(s)

/** The placeholder a normalizer's removed text becomes; the matcher reads `<...>` and `N_` as gaps (core/match/profile.ts). */
const PLACEHOLDERS: Record<string, (removed: string) => string> = {
  'iso-timestamp': () => '<time>',
  'local-timestamp': () => '<time>',
  'clf-timestamp': () => '<time>',
  'syslog-timestamp': () => '<time>',
  'clock-time': () => '<time>',
  guid: () => '<guid>',
  'url-host': (m) => `${/^[a-z][a-z0-9+.-]*:\/\//i.exec(m)?.[0] ?? ''}<host>`,
  'ipv4-port': (m) => (/:\d+$/.test(m) ? '<ip>:<port>' : '<ip>'),
  ipv6: () => '<ip>',
  'memory-address': () => '<address>',
  'temp-path': () => '<path>',
  'request-id': () => '<id>',
  'zero-padded-id': () => '<id>',
  'process-thread-id': (m) => m.replace(/\d+/g, '<pid>'),
  // The key stays ("user=", "host: "); its value, alone or after it, becomes the placeholder.
  'user-host-field': (m) => (/^\w+\s*[:=]\s*$/.test(m) ? m : `${/^\w+\s*[:=]\s*/.exec(m)?.[0] ?? ''}<name>`),
  'counter-prefix': () => 'N_',
}

const TOKEN = /[A-Za-z]+|\d+|\s+|[^A-Za-z\d\s]/g
const isSpace = (t: string): boolean => /^\s+$/.test(t)
/** Normalizers whose one match may hold spaces (a date and its time, `Jan 12 10:00:00`): their runs apart by whitespace only are one value. */
const SPANS_SPACES = new Set(['iso-timestamp', 'local-timestamp', 'clf-timestamp', 'syslog-timestamp', 'clock-time'])

/**
 * `before` with the runs of tokens a normalizer removed (comparing it with `after`, what the
 * normalizer made of it) replaced by `placeholder(run)`. The normalizers replace what they match
 * by a space or nothing, so the tokens of `after` are those of `before` less the removed runs: a
 * longest common subsequence finds them (whitespace equal to whitespace). Where two alignments
 * are as long, a token is taken as removed rather than kept, so `https://host/path` loses its
 * first slashes, not the path's.
 */
function replaceRemoved(before: string, after: string, placeholder: (removed: string) => string, spansSpaces: boolean): string {
  const a = before.match(TOKEN) ?? []
  const b = after.match(TOKEN) ?? []
  const same = (x: string, y: string) => x === y || (isSpace(x) && isSpace(y))
  // lcs[i * w + j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const w = b.length + 1
  const lcs = new Uint16Array((a.length + 1) * w)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = same(a[i]!, b[j]!) ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!)
    }
  }
  // Each token of `before`: kept, or removed.
  const removed: boolean[] = []
  let i = 0
  let j = 0
  while (i < a.length) {
    if (lcs[(i + 1) * w + j] === lcs[i * w + j]) {
      removed.push(true)
      i++
    } else if (j < b.length && same(a[i]!, b[j]!)) {
      removed.push(false)
      i++
      j++
    } else j++
  }
  let out = ''
  for (let k = 0; k < a.length;) {
    if (!removed[k] || isSpace(a[k]!)) {
      out += a[k]
      k++
      continue
    }
    let end = k
    // Whitespace, removed or kept, ends a run unless the normalizer's values hold spaces.
    const joins = (e: number) => spansSpaces && isSpace(a[e]!) && e + 1 < a.length && removed[e + 1] === true && !isSpace(a[e + 1]!)
    while (end < a.length && ((removed[end] && !isSpace(a[end]!)) || joins(end))) end++
    // A run ends before its trailing whitespace: that stays between the placeholder and what follows.
    while (end > k && isSpace(a[end - 1]!)) end--
    out += placeholder(a.slice(k, end).join(''))
    k = end
  }
  return out
}

/** A pasted line with the values that vary (times, ids, addresses, hosts, counters) as `<placeholders>`, the rest verbatim. */
export function withPlaceholders(line: string): string {
  let s = line
  for (const n of NORMALIZERS) {
    const after = n.apply(s)
    if (after !== s) s = replaceRemoved(s, after, PLACEHOLDERS[n.label] ?? (() => '<value>'), SPANS_SPACES.has(n.label))
  }
  return s.trim()
}

/**
 * The symptoms of a pasted error: the lines the matcher would report as the error (at least
 * `errorLineAt` error-like, the most error-like first, at most five), in the paste's order, with
 * placeholders, each once; the most error-like lines when none is that error-like.
 */
export function pasteSymptoms(text: string): string[] {
  const lines = readPaste(text).lines
  const ranked = [...lines].sort((x, y) => y.errorLike - x.errorLike)
  const errorLike = ranked.filter((l) => l.errorLike >= MATCH_DEFAULTS.errorLineAt)
  const chosen = new Set((errorLike.length ? errorLike : ranked).slice(0, MAX_PASTE_SYMPTOMS))
  const symptoms: string[] = []
  for (const l of lines) {
    if (!chosen.has(l)) continue
    const cut = l.raw.length > MAX_SYMPTOM_CHARS ? l.raw.slice(0, MAX_SYMPTOM_CHARS) : l.raw
    const symptom = withPlaceholders(cut)
    if (symptom && !symptoms.includes(symptom)) symptoms.push(symptom)
  }
  return symptoms
}

/** A title made from a symptom: its first 100 characters or so, cut at a word. */
export function titleFrom(symptom: string): string {
  const t = symptom.replace(/\s+/g, ' ').trim()
  if (t.length <= MAX_TITLE_CHARS) return t
  const cut = t.slice(0, MAX_TITLE_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${space > 40 ? cut.slice(0, space) : cut}…`
}

/** The Markdown of a new article: a draft whose every part the author must still write is a TODO(draft): line. */
export function scaffoldArticle(a: NewArticle): string {
  const list = (name: string, items: readonly string[]) => (items.length ? [`${name}:`, ...items.map((i) => `  - ${scalar(i)}`)] : [])
  const symptoms = a.symptoms.length ? a.symptoms : [`${DRAFT_TODO} the error text, verbatim (<placeholders> where values vary), or what the user sees`]
  const where = a.products.length ? `${a.products.join(', ')}: the versions, OS and setup` : 'the product, version, OS and setup'
  return [
    '---',
    `# yaml-language-server: $schema=${a.schema}`,
    `# Written by kb new. Replace every ${DRAFT_TODO} line, then set status: published (kb lint checks it).`,
    'status: draft',
    `title: ${scalar(a.title)}`,
    ...list('products', a.products),
    ...list('symptoms', symptoms),
    ...list('environment', [`${DRAFT_TODO} ${where} where this happens`]),
    `cause: ${scalar(`${DRAFT_TODO} why it happens, once known (cause is optional: delete it if nobody knows yet)`)}`,
    `resolution: ${scalar(`${DRAFT_TODO} the steps that fix it, in order, and how to check that they worked.`)}`,
    '---',
    '',
    `${DRAFT_TODO} diagnosis steps and background, in Markdown (or delete this line).`,
    '',
  ].join('\n')
}

/** What the `$schema` line of an article in `folder` says for `schema`: a URL as it is, a file as a path from that folder. */
export function schemaReference(schema: string, folder: string): string {
  if (/^https?:\/\//i.test(schema)) return schema
  const rel = path.relative(path.resolve(folder), path.resolve(schema)).split(path.sep).join('/')
  return rel.startsWith('../') || rel.startsWith('/') ? rel : `./${rel}`
}

interface NewOptions {
  title?: string
  product: string[]
  symptom: string[]
  fromPaste?: boolean
  articles: string
  schema: string
  json?: boolean
}

/** Ask for what the flags did not give, on a terminal. */
async function prompt(o: NewOptions): Promise<NewOptions> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  // Lines are read through the iterator, which keeps lines typed (or pasted) ahead of their question;
  // rl.question would drop them.
  const lines = rl[Symbol.asyncIterator]()
  const ask = async (question: string): Promise<string> => {
    process.stdout.write(question)
    const next = await lines.next()
    if (next.done) throw new CliError('the input ended before the questions were answered; nothing was written', 2)
    return (next.value as string).trim()
  }
  try {
    const title = await ask('Title (what the problem looks like): ')
    const products = (await ask('Products, comma-separated (optional): '))
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
    process.stdout.write('Symptoms, one a line: error text verbatim, or what the user sees; an empty line ends them.\n')
    const symptoms: string[] = []
    // Bounded: nobody types a hundred symptoms.
    for (let i = 0; i < 100; i++) {
      const line = await ask('  - ')
      if (!line) break
      symptoms.push(line)
    }
    return { ...o, title, product: [...o.product, ...products], symptom: [...o.symptom, ...symptoms] }
  } finally {
    rl.close()
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** Register `kb new`. */
export function registerNewCommand(program: Command, defaultArticles: string): void {
  program
    .command('new')
    .description('scaffold an article (status: draft) from flags, prompts or a pasted error; the file name comes from the title')
    .option('-t, --title <title>', "the article's title (on a terminal without flags, kb new asks)")
    .option('-p, --product <name>', 'a product it is about (repeat for more)', collect, [])
    .option('-s, --symptom <text>', 'a symptom: error text verbatim, or what the user sees (repeat for more)', collect, [])
    .option(
      '--from-paste',
      'read a pasted error from standard input: its error lines become the symptoms, values that vary as <placeholders>; the title defaults to the first',
    )
    .option('-a, --articles <dir>', 'articles folder to write in', defaultArticles)
    .option(
      '--schema <file-or-url>',
      'the JSON Schema the $schema line names: a file (kb schema writes it) or a URL such as http://kb.example.com/schema/article.json',
      DEFAULT_SCHEMA_FILE,
    )
    .option('--json', 'machine-readable output')
    .action(async (given: NewOptions) => {
      let o = given
      if (o.fromPaste) {
        if (process.stdin.isTTY) throw new CliError('--from-paste reads the error from standard input: kb new --from-paste < error.txt', 2)
        const found = pasteSymptoms(await readStdin())
        if (found.length === 0) throw new CliError('the paste on standard input has no line to make a symptom of', 2)
        o = { ...o, symptom: [...o.symptom, ...found], title: o.title ?? titleFrom(found[0]!) }
      } else if (o.title === undefined && process.stdin.isTTY && process.stdout.isTTY) {
        o = await prompt(o)
      }
      const title = o.title?.trim()
      if (!title) throw new CliError('an article needs a title: --title "..." (or run kb new on a terminal to be asked)', 2)
      const slug = articleSlug(title)
      if (!slug) throw new CliError(`the title "${title}" has no letters or digits to make the file name from`, 2)
      const file = path.join(o.articles, `${slug}.md`)
      const markdown = scaffoldArticle({
        title,
        products: o.product.map((p) => p.trim()).filter(Boolean),
        symptoms: o.symptom.map((s) => s.trim()).filter(Boolean),
        schema: schemaReference(o.schema, o.articles),
      })
      await mkdir(o.articles, { recursive: true }).catch((err: unknown) => {
        throw new CliError(`cannot make the folder ${o.articles}: ${systemReason(err) ?? (err as Error).message}`, 1, { cause: err })
      })
      await writeFile(file, markdown, { flag: 'wx' }).catch((err: unknown) => {
        const exists = (err as NodeJS.ErrnoException).code === 'EEXIST'
        throw new CliError(
          `cannot write ${file}: ${exists ? 'it exists already; edit it, or give another title' : (systemReason(err) ?? (err as Error).message)}`,
          1,
          {
            cause: err,
          },
        )
      })
      const schemaMissing = !/^https?:\/\//i.test(o.schema) && (await stat(o.schema).catch(() => undefined)) === undefined
      if (o.json) process.stdout.write(`${JSON.stringify({ ok: true, file, id: slug })}\n`)
      else {
        process.stdout.write(`${file}\n`)
        process.stderr.write(`Wrote a draft (status: draft): replace its ${DRAFT_TODO} lines, then set status: published.\n`)
        if (schemaMissing) process.stderr.write(`Its $schema line names ${o.schema}, which does not exist yet: kb schema --out ${o.schema} writes it.\n`)
      }
    })
}
