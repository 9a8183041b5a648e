/**
 * Converting one source page into this KB's article format (docs/article-format.md): the steps in
 * order, each in its own file: frontmatter (frontmatter.ts), documentation-dialect markup
 * (markup.ts), the profile that applies and DocFX syntax (settings.ts, msdocs.ts), the heading
 * outline (markdown.ts), error-reference pages (error-reference.ts), pages of problems (split.ts),
 * sections to fields (sections.ts, symptoms.ts, cause.ts), environment (environment.ts), codes
 * (codes.ts), the body (body.ts); every article written is validated by the loader's own rules.
 */
import path from 'node:path'
import { stringify } from 'yaml'
import { parseArticle } from '../content/load.js'
import { LIMITS } from '../../limits.js'
import { findTooDeep, findTooManyOpeners } from '../render/nesting.js'
import { articleBody } from './body.js'
import { causeFromSentences } from './cause.js'
import { findCodes } from './codes.js'
import { environmentOrFallback, productName, splitEnvironment, topicFolder } from './environment.js'
import { applyDetails, errorDetails, referenceTitle } from './error-reference.js'
import { cleanTitle, isoDate, splitFrontmatter, str } from './frontmatter.js'
import { idFromPath, pageIdFromPath, problemId } from './ids.js'
import { headingKey, outline, type Section, Source } from './markdown.js'
import { convertMarkup } from './markup.js'
import { preprocessMsDocs } from './msdocs.js'
import { readSections, sectionRoles } from './sections.js'
import { type ImportSettings, profileFor, resolveSettings } from './settings.js'
import { findProblems, fixInMarkdown, isFieldSection, readProblem } from './split.js'
import { symptomsOrFallback } from './symptoms.js'
import { assemble, finishMarkdown, uniq } from './text.js'
import type { ConvertedArticle, ConvertOptions, ConvertResult, ProblemOutcome } from './types.js'

/** File names that hold notes about a folder, not an article. */
const NOT_ARTICLE = /^(?:readme|provenance|toc|index|changelog|license|contributing|code_of_conduct|security)\.(?:md|markdown|html?)$/i

let defaults: ImportSettings | undefined
/** Settings when the caller gives none: the defaults, with the shipped profiles. */
const defaultSettings = (): ImportSettings => (defaults ??= resolveSettings())

/** An article's frontmatter fields and body as the article file's text, checked by the loader's rules (a failure is a bug: it throws). */
export function writeArticle(fields: Record<string, unknown>, body: string): string {
  const article = `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${finishMarkdown(body)}\n`
  const check = parseArticle(article, `${String(fields.id)}.md`)
  const errors = check.problems.filter((p) => p.severity === 'error')
  if (errors.length || !check.article) {
    throw new Error(`generated article does not validate: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`)
  }
  return article
}

/** The same article under another id (the importer's de-duplication). */
export function withId(a: ConvertedArticle, id: string): ConvertedArticle {
  const fields = { ...a.fields, id }
  return { ...a, id, fields, article: writeArticle(fields, a.body) }
}

/** Fields in the order articles write them; empty lists and a missing cause are left out. */
function orderedFields(f: {
  id: string
  title: string
  products: string[]
  tags: string[]
  errorCodes: string[]
  symptoms: string[]
  environment: string[]
  cause: string
  resolution: string
  references: Array<{ title?: string; url: string }>
  updated: string | undefined
}): Record<string, unknown> {
  const fields: Record<string, unknown> = { id: f.id, title: f.title }
  if (f.products.length) fields.products = f.products
  if (f.tags.length) fields.tags = f.tags
  if (f.errorCodes.length) fields.error_codes = f.errorCodes
  fields.symptoms = f.symptoms
  fields.environment = f.environment
  if (f.cause) fields.cause = finishMarkdown(f.cause)
  fields.resolution = finishMarkdown(f.resolution)
  if (f.references.length) fields.references = f.references.map((r) => (r.title ? { title: r.title, url: r.url } : r.url))
  if (f.updated) fields.updated = f.updated
  return fields
}

/**
 * Convert one source page: one article, several (a page of problems, split.ts), or a skip reason.
 * Pure but for the shipped profiles, read once: the text in, the articles' text out.
 */
export function convertArticle(markdown: string, sourcePath: string, options: ConvertOptions = {}): ConvertResult {
  const settings = options.settings ?? defaultSettings()
  const notes: string[] = []
  const id = options.id ?? idFromPath(sourcePath)
  const rel = sourcePath.split(path.sep).join('/')
  const skip = (reason: string): ConvertResult => ({ id, articles: [], skipped: reason, notes })
  if (NOT_ARTICLE.test(path.posix.basename(rel))) return skip('not an article (a README/PROVENANCE/TOC-style notes file)')
  if (!id) return skip('the file name has no letters or digits to make an id from')

  const normalized = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  // Before any parser sees it: a deeply nested source overflows the stack (src/build/render/nesting.ts).
  const deep = findTooDeep(normalized)
  if (deep) return skip(`Markdown nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items), at line ${deep.line}`)
  const crowded = findTooManyOpeners(normalized)
  if (crowded) return skip(`more than ${LIMITS.markdownInlineOpeners} link brackets and emphasis marks between blank lines, at line ${crowded.line}`)
  const { data: fm, body: rawBody } = splitFrontmatter(normalized, notes)
  if (rawBody.trim() === '') return skip('empty: no Markdown after the frontmatter')

  const profile = profileFor(settings, fm)
  // Documentation dialects (includes, admonitions, shortcodes, tabs) first, then DocFX's own forms.
  const markup = convertMarkup(rawBody, options.readInclude ? { readInclude: options.readInclude } : {})
  notes.push(...markup.notes)
  const pre = preprocessMsDocs(markup.text, profile)
  notes.push(...pre.notes)
  const text = pre.text
  const src = new Source(text)
  const { root, title: h1, titleMarkdown: h1Markdown } = outline(src)
  const details = errorDetails(text)

  let title = cleanTitle(str(fm.title), profile?.titleSuffixes) ?? cleanTitle(h1, profile?.titleSuffixes)
  if (details) title = referenceTitle(title, details, notes)
  if (!title) return skip('no title: no frontmatter title and no "# " heading')

  const roles = sectionRoles(root, settings)
  let found = readSections(src, roles, pre.environment.flatMap(splitEnvironment))
  const envContext = { settings, profile, ...(options.rootFolder ? { rootFolder: options.rootFolder } : {}) }
  const updated = isoDate(str(fm['ms.date']) ?? str(fm.date) ?? str(fm.updated))
  const topic = topicFolder(rel)
  const tag = topic ? idFromPath(topic) : ''
  const refs = (options.references ?? []).filter((r) => /^https?:\/\//i.test(r.url))

  // A page of problems is one article per problem (a single one keeps the page's id). A support
  // article (Symptoms/Cause/Resolution sections or role tables) that reads as one stays one: its id is linked already.
  const split = details ? undefined : findProblems(src, root, settings.split, settings)
  const topRoles = new Set(roles.root.children.map((s) => roles.own.get(s)))
  const supportArticle =
    assemble(found.resolutionParts) !== '' &&
    (roles.tables.size > 0 ||
      roles.all.some((s) => isFieldSection(s, settings)) ||
      // "Common symptoms when X fails" beside "Things to check": one problem, in sections.
      (topRoles.has('symptoms') && (topRoles.has('cause') || topRoles.has('resolution'))))
  if (split && (split.problems.length > 1 || assemble(found.resolutionParts) === '') && (!supportArticle || settings.split === 'always')) {
    const { environment: env, guessed } = environmentOrFallback(found.environment, fm, rel, { title, ...(h1 ? { h1 } : {}) }, envContext, notes)
    const page = { title, rel, tag, env, guessed: guessed === true, updated, refs, single: split.problems.length === 1 ? id : undefined }
    return splitPage(src, split.problems, page, settings, notes, id)
  }

  // Support articles: "More information" is the resolution when no section is one.
  if (assemble(found.resolutionParts) === '') {
    const more = roles.all.filter((s) => s.heading && /^more information\b/.test(headingKey(s.heading)))
    if (more.length) {
      for (const s of more) roles.effective.set(s, 'resolution')
      found = readSections(src, roles, pre.environment.flatMap(splitEnvironment))
      notes.push('no Resolution section; the resolution is the "More information" section')
    }
  }
  // Error-reference pages: the message text is the symptom users paste.
  let errorCodes = details ? applyDetails(details, found) : []

  // Cause (optional): a Cause section, else a sentence that says why.
  let cause = assemble(found.causeParts) || causeFromSentences(src, roles, notes)
  const resolution = assemble(found.resolutionParts)
  // Error-reference pages without an Explanation: the message text states the condition itself
  // ("... PARTITION=ALL must be specified"), so it is the cause, quoted verbatim.
  if (!cause && resolution && details?.message) {
    cause = `The message text states the condition:\n\n\`\`\`text\n${details.message}\n\`\`\``
    notes.push('no Explanation section; the cause is the message text')
  }
  if (!resolution) {
    return skip(
      details
        ? 'no resolution: the User Action section is empty or missing'
        : 'no resolution: no Resolution/Solution/Workaround/Fix section, and no heading that names a problem with a fix (a guide or reference page, not a problem article)',
    )
  }
  if (!cause) notes.push('no cause: no Cause section and no sentence saying why the problem occurs; the article has none')

  // Symptoms: fall back to a Summary section, then to a title that states the problem.
  const symptoms = symptomsOrFallback(found.symptoms, roles.all, title, notes)
  if (!symptoms) return skip('no symptoms: no Symptoms section, no per-error sections, and the title does not state a problem')

  const { environment: env, guessed } = environmentOrFallback(found.environment, fm, rel, { title, ...(h1 ? { h1 } : {}) }, envContext, notes)
  // A folder's name is no product: products come from what the source or the map says.
  const products = uniq([...(guessed ? [] : env.map(productName).filter((p) => p.length > 1)), ...settings.products])

  if (!details) errorCodes = findCodes([title, h1 ?? '', ...found.headingsForCodes, ...symptoms])
  const body = articleBody(src, roles, { title, ...(h1 ? { h1 } : {}), ...(h1Markdown ? { h1Markdown } : {}) }, found.bodyExtras, rel)

  const fields = orderedFields({
    id,
    title,
    products,
    tags: tag ? [tag] : [],
    errorCodes,
    symptoms,
    environment: env,
    cause,
    resolution,
    references: refs,
    updated,
  })
  const article = writeArticle(fields, body.join('\n\n'))
  return { id, article, articles: [{ id, title, article, fields, body: body.join('\n\n'), notes }], notes }
}

/** What every article split out of one page shares. */
interface PageContext {
  title: string
  rel: string
  tag: string
  env: string[]
  /** The environment is the folder's name (no product). */
  guessed: boolean
  updated: string | undefined
  refs: Array<{ title?: string; url: string }>
  /** The page's id when it holds a single problem (it keeps the id of its file name). */
  single: string | undefined
}

/** One article per problem section; a problem whose section says nothing to do is skipped with that reason. */
function splitPage(src: Source, problems: Section[], page: PageContext, settings: ImportSettings, notes: string[], id: string): ConvertResult {
  const pageId = pageIdFromPath(page.rel)
  const articles: ConvertedArticle[] = []
  const outcomes: ProblemOutcome[] = []
  const others = new Set(problems)
  for (const p of problems) {
    const heading = (p.heading ?? '').replace(/[\s:]+$/, '')
    const articleId = page.single ?? problemId(pageId, p.heading ?? '')
    const own = new Set(others)
    own.delete(p)
    const f = readProblem(src, p, settings, own)
    const resolution = assemble(f.resolutionParts)
    if (!resolution || !(f.declaredFix || fixInMarkdown(resolution))) {
      outcomes.push({ heading, id: articleId, skipped: 'no fix: the section says what happens but not what to do (no steps, commands or settings)' })
      continue
    }
    const symptoms = uniq(f.symptoms)
    const cause = assemble(f.causeParts)
    const env = f.environment.length ? uniq(f.environment.flatMap(splitEnvironment)) : page.env
    const named = f.environment.length > 0 || !page.guessed
    const products = uniq([...(named ? env.map(productName).filter((x) => x.length > 1) : []), ...settings.products])
    const errorCodes = findCodes([heading, ...f.headingsForCodes, ...symptoms])
    const references = page.refs.map((r) => ({ title: page.title, url: r.url }))
    const fields = orderedFields({
      id: articleId,
      title: heading,
      products,
      tags: page.tag ? [page.tag] : [],
      errorCodes,
      symptoms,
      environment: env,
      cause,
      resolution,
      references,
      updated: page.updated,
    })
    const body = [...f.context, ...f.bodyExtras, `From the page "${page.title}". Source: \`${page.rel}\``].join('\n\n')
    const own2: string[] = [...notes]
    if (!cause) own2.push('no cause: the section does not say why the problem occurs')
    const article = writeArticle(fields, body)
    articles.push({ id: articleId, title: heading, heading, article, fields, body, notes: own2 })
    outcomes.push({ heading, id: articleId })
  }
  if (articles.length === 0) return { id, articles: [], skipped: 'no fix: none of its problems says what to do', notes, problems: outcomes }
  return { id, articles, notes, problems: outcomes, ...(page.single && articles.length === 1 ? { article: articles[0]!.article } : {}) }
}
