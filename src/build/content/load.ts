/**
 * Loading and validating a folder of articles: every problem in every file, in one pass.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import matter from 'gray-matter'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'
import { LineCounter, parseDocument, YAMLParseError, isMap, isScalar, type Document, type YAMLWarning } from 'yaml'
import { LIMITS } from '../../limits.js'
import { findTooDeep, findTooManyOpeners } from '../render/nesting.js'
import { ArticlesFolderError, type Problem, sortProblems } from './problems.js'
import { type ArticleReference, type ArticleSource, FIELD_EXPECTATIONS, type SourceLines, Frontmatter, ID_PATTERN, KNOWN_FIELDS } from './schema.js'
import type { SynonymSource } from '../../core/analysis/synonyms.js'
import { loadSynonyms } from './synonyms.js'
import { DRAFT_TODO } from '../../core/insights/draft.js'

// logLevel 'error': the parser's warnings (an unknown tag such as !!js/function) become problems
// below, one line each, instead of multi-line warnings printed to stderr.
const YAML_OPTIONS = { schema: 'failsafe', uniqueKeys: true, prettyErrors: true, logLevel: 'error' } as const

/** The problem of a published article still holding a draft's placeholder line. */
const DRAFT_LEFT = `still has a ${DRAFT_TODO} line (kb draft, kb new): replace it, or set status: draft`

/** The warning that lists a draft: a state, not a mistake, so `kb lint --strict` leaves it a warning. */
export const DRAFT_NOTE = 'draft: linted, but not built or served until status: published (kb build --include-drafts to preview)'

/**
 * The frontmatter schema compiled once: a valid article (nearly every one) is checked in a fraction
 * of the time Value.Errors takes to walk it; Value.Errors runs only on one that fails, for its messages.
 */
let frontmatterCheck: { Check(value: unknown): boolean } | undefined
const isFrontmatter = (value: unknown): boolean => (frontmatterCheck ??= Compile(Frontmatter)).Check(value)

/** The frontmatter's YAML document, with the line counter that places its nodes. */
interface ParsedYaml {
  doc: Document
  counter: LineCounter
}

/** Parse frontmatter YAML into its document (values and nodes' lines); its errors are left in `doc.errors`. */
function parseFrontmatter(source: string): ParsedYaml {
  const counter = new LineCounter()
  return { doc: parseDocument(source, { ...YAML_OPTIONS, lineCounter: counter }), counter }
}

/** The values of a parsed frontmatter; throws its first error, as yaml's parse does. */
function frontmatterValues({ doc }: ParsedYaml): object {
  if (doc.errors.length > 0) throw doc.errors[0]!
  return doc.toJS() as object
}

/** The Markdown fields of the frontmatter, checked for nesting like the body. */
const MARKDOWN_FIELDS = ['cause', 'resolution'] as const

/** Result of loading a folder: the valid articles, the KB's synonyms (synonyms.yml) and every problem found (errors and warnings). */
export interface LoadResult {
  articles: ArticleSource[]
  synonyms: SynonymSource
  problems: Problem[]
}

const FOLDER_REASONS: Record<string, string> = {
  ENOENT: 'it does not exist',
  ENOTDIR: 'it is not a folder',
  EACCES: 'permission denied',
}

/** List the Markdown files below a folder, sorted, as paths relative to it with `/` separators. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    const code = err.code ?? 'unknown error'
    throw new ArticlesFolderError(dir, FOLDER_REASONS[code] ?? code, { cause: err })
  })
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/** What loadArticles keeps besides published articles. */
export interface LoadOptions {
  /** Keep drafts (`status: draft`) among the articles; by default they are linted, then left out. */
  includeDrafts?: boolean
}

/** Load, parse and validate every article below `dir`; `displayDir` prefixes file names in problems. */
export async function loadArticles(dir: string, displayDir = dir, options: LoadOptions = {}): Promise<LoadResult> {
  const files = await listArticleFiles(dir)
  const problems: Problem[] = []
  const articles: ArticleSource[] = []
  for (const rel of files) {
    const display = path.posix.join(displayDir.split(path.sep).join('/'), rel)
    if (/^readme\.md$/i.test(path.posix.basename(rel))) {
      problems.push({ file: display, line: 1, field: 'file', message: 'skipped: a README is not an article', severity: 'warning' })
      continue
    }
    const text = await readFile(path.join(dir, rel), 'utf8')
    const result = parseArticle(text, rel, display)
    problems.push(...result.problems)
    if (result.article) articles.push(result.article)
  }
  const duplicates = findDuplicateIds(articles, displayDir)
  problems.push(...duplicates.problems)
  const synonyms = await loadSynonyms(dir, displayDir)
  problems.push(...synonyms.problems)
  // Ids are checked across drafts too: a draft must not take the id of a published article.
  const kept = articles.filter((a) => !duplicates.dropped.has(a) && (options.includeDrafts || a.status !== 'draft'))
  return { articles: kept, synonyms: synonyms.synonyms, problems: sortProblems(problems) }
}

/** Parse and validate one article's text. `rel` is its path relative to the articles folder. */
export function parseArticle(text: string, rel: string, display = rel): { article?: ArticleSource; problems: Problem[] } {
  const problems: Problem[] = []
  const problem = (line: number, field: string, message: string, severity: Problem['severity'] = 'error'): void => {
    problems.push({ file: display, line, field, message, severity })
  }

  if (!/^\uFEFF?---[ \t]*\r?\n/.test(text)) {
    problem(1, 'frontmatter', 'missing: an article starts with a "---" line, then YAML fields, then "---"')
    return { problems }
  }
  let file: matter.GrayMatterFile<string>
  // gray-matter finds the frontmatter and hands it to this engine, whose document is kept for the lines below.
  let parsed: ParsedYaml | undefined
  try {
    file = matter(text, { engines: { yaml: (s: string) => frontmatterValues((parsed = parseFrontmatter(s))) } })
  } catch (err) {
    if (err instanceof YAMLParseError) {
      // The line goes in front already; keep the parser's reason only.
      problem(err.linePos?.[0]?.line ?? 1, 'yaml', `invalid YAML: ${firstLine(err.message).replace(/ at line \d+, column \d+:?$/, '')}`)
    } else {
      problem(1, 'yaml', firstLine(String((err as Error).message ?? err)))
    }
    return { problems }
  }
  if (!text.slice(3).match(/\r?\n---[ \t]*(\r?\n|$)/)) {
    problem(1, 'frontmatter', 'not closed: add a "---" line after the last field')
    return { problems }
  }

  // The raw frontmatter begins right after the opening "---", so its line N is the file's line N.
  // gray-matter does not call the engine for a frontmatter of blanks and comments: parsed here then.
  const { doc, counter } = parsed ?? parseFrontmatter(file.matter)
  const lineOf = (keyPath: Array<string | number>): number => yamlLine(doc, counter, keyPath)
  const data: unknown = file.data
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents)) {
    problem(2, 'frontmatter', 'must be a YAML mapping of fields (title: ..., symptoms: ...)')
    return { problems }
  }
  const fields = data as Record<string, unknown>

  for (const warning of doc.warnings) {
    const where = warning.linePos?.[0]?.line ?? 1
    problems.push(yamlWarningProblem(warning, file.matter, fieldAt(doc, warning.pos[0]), display, where))
  }

  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(key)) {
      problem(lineOf([key]), key, `unknown field, ignored (known fields: ${[...KNOWN_FIELDS].join(', ')})`, 'warning')
    }
  }

  const seen = new Set<string>()
  for (const error of isFrontmatter(fields) ? [] : Value.Errors(Frontmatter, fields)) {
    const keyPath = error.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
    const [field, index] = keyPath as [keyof Frontmatter | undefined, number | string | undefined]
    if (error.keyword === 'required') {
      for (const name of (error.params as { requiredProperties: string[] }).requiredProperties) {
        if (seen.has(name)) continue
        seen.add(name)
        problem(1, name, `required field is missing; it must be ${FIELD_EXPECTATIONS[name as keyof Frontmatter].field}`)
      }
      continue
    }
    if (field === undefined || !(field in FIELD_EXPECTATIONS)) continue
    const label = typeof index === 'number' ? `${field}[${index}]` : field
    if (seen.has(label) || seen.has(field)) continue
    seen.add(label)
    const expect = FIELD_EXPECTATIONS[field]
    const want = typeof index === 'number' && expect.item ? expect.item : expect.field
    const at = keyPath.slice(0, typeof index === 'number' ? 2 : 1)
    const value = valueAt(fields, at)
    if (error.keyword === 'maxLength' && typeof value === 'string') {
      problem(lineOf(at), label, `must be at most ${(error.params as { limit: number }).limit} characters long, got ${value.length}`)
      continue
    }
    problem(lineOf(at), label, `must be ${want}${describeValue(value)}`)
  }

  const fm = fields as Partial<Frontmatter>
  if (!('cause' in fields)) {
    problem(1, 'cause', 'no cause: optional (KCS), but say why the problem happens once it is known', 'warning')
  }
  const references: ArticleReference[] = []
  for (const [i, ref] of (Array.isArray(fm.references) ? fm.references : []).entries()) {
    const r = typeof ref === 'string' ? { url: ref } : (ref as ArticleReference)
    if (typeof r?.url !== 'string') continue
    if (!isHttpUrl(r.url)) {
      problem(lineOf(['references', i]), `references[${i}]`, `url must be an http or https URL, got "${r.url}"`)
    }
    references.push(r.title ? { title: r.title, url: r.url } : { url: r.url })
  }
  if (fm.status === 'draft') {
    problem(lineOf(['status']), 'status', DRAFT_NOTE, 'warning')
  } else {
    // A draft's placeholders must not reach readers: publishing one means replacing them.
    for (const name of ['title', 'environment', 'resolution', 'symptoms', 'cause'] as const) {
      const value: unknown = fields[name]
      const texts = Array.isArray(value) ? value : [value]
      if (texts.some((t) => typeof t === 'string' && t.includes(DRAFT_TODO))) {
        problem(lineOf([name]), name, DRAFT_LEFT)
      }
    }
  }
  for (const name of ['updated', 'review_by', 'verified'] as const) {
    const value = fm[name]
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isRealDate(value)) {
      problem(lineOf([name]), name, `"${value}" is not a real calendar date`)
    }
  }

  const fileId = path.posix.basename(rel).replace(/\.md$/i, '')
  if (fm.id === undefined && !new RegExp(ID_PATTERN).test(fileId)) {
    problem(1, 'id', `the file name "${fileId}" is not a valid id; rename the file or set id: (lowercase letters, digits and "-")`)
  } else if (fm.id === undefined && fileId.length > LIMITS.articleIdChars) {
    problem(1, 'id', `the file name is ${fileId.length} characters long, an id at most ${LIMITS.articleIdChars}; rename the file or set a shorter id:`)
  }

  // Nesting is checked on the text, before any Markdown parser sees it (src/build/render/nesting.ts).
  const bodyLine = text.split('\n').length - file.content.split('\n').length + 1
  const checkMarkdown = (markdown: string, name: string, lineAt: (n: number) => number): void => {
    const deep = findTooDeep(markdown)
    if (deep) problem(lineAt(deep.line), name, `Markdown is nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items); flatten it`)
    const crowded = findTooManyOpeners(markdown)
    if (crowded) {
      problem(
        lineAt(crowded.line),
        name,
        `Markdown has more than ${LIMITS.markdownInlineOpeners} link brackets and emphasis marks ("[", "*", "_", "~") between blank lines; break it up with blank lines`,
      )
    }
  }
  for (const name of MARKDOWN_FIELDS) {
    const value = fields[name]
    if (typeof value === 'string') checkMarkdown(value, name, (n) => markdownLine(doc, counter, name, n))
  }
  checkMarkdown(file.content, 'body', (n) => bodyLine + n - 1)

  if (problems.some((p) => p.severity === 'error')) return { problems }
  const f = fm as Frontmatter
  return {
    problems,
    article: {
      id: f.id ?? fileId,
      title: f.title.trim(),
      symptoms: f.symptoms.map((s) => s.trim()),
      environment: f.environment.map((s) => s.trim()),
      ...(f.cause !== undefined ? { cause: f.cause } : {}),
      resolution: f.resolution,
      products: f.products ?? [],
      tags: f.tags ?? [],
      errorCodes: f.error_codes ?? [],
      references,
      ...(f.updated ? { updated: f.updated } : {}),
      ...(f.review_by ? { reviewBy: f.review_by } : {}),
      ...(f.verified ? { verified: f.verified } : {}),
      ...(f.status === 'draft' ? { status: 'draft' as const } : {}),
      body: file.content,
      source: rel,
      bodyLine,
      lines: sourceLines(doc, counter, f),
    },
  }
}

/** The file lines of the fields the self-check names (kb lint). */
function sourceLines(doc: Document, counter: LineCounter, f: Frontmatter): SourceLines {
  const markdown = (field: 'cause' | 'resolution'): { line: number; block: boolean } => {
    const node = doc.get(field, true)
    return { line: yamlLine(doc, counter, [field]), block: isScalar(node) && node.type === 'BLOCK_LITERAL' }
  }
  return {
    symptoms: f.symptoms.map((_s, i) => yamlLine(doc, counter, ['symptoms', i])),
    ...(f.review_by ? { review_by: yamlLine(doc, counter, ['review_by']) } : {}),
    ...(f.verified ? { verified: yamlLine(doc, counter, ['verified']) } : {}),
    ...(f.cause !== undefined ? { cause: markdown('cause') } : {}),
    resolution: markdown('resolution'),
  }
}

/** The error of an article (`source`: its path in the folder) whose id an earlier file (in path order) already has. */
export function duplicateIdProblem(a: { id: string; source: string }, prior: { source: string }, displayDir: string): Problem {
  const at = path.posix.join(displayDir, prior.source)
  return { file: path.posix.join(displayDir, a.source), line: 1, field: 'id', message: `duplicate id "${a.id}", already used by ${at}`, severity: 'error' }
}

/** Every article after the first with a given id is an error, and is dropped. */
function findDuplicateIds(articles: ArticleSource[], displayDir: string): { problems: Problem[]; dropped: Set<ArticleSource> } {
  const first = new Map<string, ArticleSource>()
  const problems: Problem[] = []
  const dropped = new Set<ArticleSource>()
  for (const a of articles) {
    const prior = first.get(a.id)
    if (prior) {
      problems.push(duplicateIdProblem(a, prior, displayDir))
      dropped.add(a)
    } else {
      first.set(a.id, a)
    }
  }
  return { problems, dropped }
}

function yamlLine(doc: Document, counter: LineCounter, keyPath: Array<string | number>): number {
  for (let n = keyPath.length; n > 0; n--) {
    const node = doc.getIn(keyPath.slice(0, n), true)
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return counter.linePos(node.range[0] as number).line
    }
    if (isScalar(node) && node.range) return counter.linePos(node.range[0]).line
  }
  return 1
}

/**
 * The file line of line `n` of a Markdown field: exact in a literal block scalar (`cause: |`),
 * whose lines are the value's lines; otherwise (folded or quoted text) the field's own line.
 */
function markdownLine(doc: Document, counter: LineCounter, field: string, n: number): number {
  const line = yamlLine(doc, counter, [field])
  const node = doc.get(field, true)
  return isScalar(node) && node.type === 'BLOCK_LITERAL' ? line + n : line
}

/** The top-level field whose text holds `offset` of the frontmatter ("yaml" when none does). */
function fieldAt(doc: Document, offset: number): string {
  let field = 'yaml'
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = pair.key
    if (!isScalar(key) || !key.range || key.range[0] > offset) break
    field = String(key.value)
  }
  return field
}

/**
 * A YAML parser warning as one problem. An unknown tag is an error: the failsafe schema would
 * keep the text and drop the tag, and an author who wrote `!!js/function` meant something else.
 */
function yamlWarningProblem(warning: YAMLWarning, source: string, field: string, file: string, line: number): Problem {
  if (warning.code === 'TAG_RESOLVE_FAILED') {
    const tag = source.slice(warning.pos[0], warning.pos[1])
    return { file, line, field, message: `unsupported YAML tag "${tag}"; frontmatter values are plain text, remove the tag`, severity: 'error' }
  }
  return { file, line, field, message: firstLine(warning.message).replace(/ at line \d+, column \d+:?$/, ''), severity: 'warning' }
}

function valueAt(obj: unknown, keyPath: Array<string | number>): unknown {
  let v: unknown = obj
  for (const k of keyPath) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined
  return v
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return ', got nothing'
  if (typeof v === 'string') return v.trim() === '' ? ', got an empty string' : `, got "${v.length > 40 ? v.slice(0, 40) + '...' : v}"`
  if (Array.isArray(v)) return v.length === 0 ? ', got an empty list' : ', got a list'
  return ', got a mapping'
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

/** True when a YYYY-MM-DD string is a real calendar date (not 2025-02-30). */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s
}
