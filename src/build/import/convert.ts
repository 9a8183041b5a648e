/**
 * Converting one source article into this KB's article format (docs/article-format.md): the
 * steps in order, each in its own file: frontmatter (frontmatter.ts), Microsoft Docs syntax
 * (msdocs.ts), the heading outline (markdown.ts), error-reference pages (error-reference.ts),
 * sections to fields (sections.ts, symptoms.ts, cause.ts), environment (environment.ts), codes
 * (codes.ts), the body (body.ts); the article written is validated by the loader's own rules.
 */
import path from 'node:path'
import { stringify } from 'yaml'
import { parseArticle } from '../content/load.js'
import { LIMITS } from '../../limits.js'
import { findTooDeep, findTooManyOpeners } from '../render/nesting.js'
import { articleBody } from './body.js'
import { causeFromSentences } from './cause.js'
import { findCodes } from './codes.js'
import { environmentOrFallback, productName, splitEnvironment } from './environment.js'
import { applyDetails, errorDetails, referenceTitle } from './error-reference.js'
import { cleanTitle, isoDate, splitFrontmatter, str } from './frontmatter.js'
import { idFromPath } from './ids.js'
import { outline, Source } from './markdown.js'
import { preprocessMsDocs } from './msdocs.js'
import { readSections, sectionRoles } from './sections.js'
import { symptomsOrFallback } from './symptoms.js'
import { assemble, finishMarkdown, uniq } from './text.js'
import type { ConvertOptions, ConvertResult } from './types.js'

/** File names that hold notes about a folder, not an article. */
const NOT_ARTICLE = /^(?:readme|provenance|toc|index|changelog|license|contributing|code_of_conduct|security)\.md$/i

/** Convert one source article. Pure: the text in, the new article's text (or a skip reason) out. */
export function convertArticle(markdown: string, sourcePath: string, options: ConvertOptions = {}): ConvertResult {
  const notes: string[] = []
  const id = options.id ?? idFromPath(sourcePath)
  const rel = sourcePath.split(path.sep).join('/')
  const skip = (reason: string): ConvertResult => ({ id, skipped: reason, notes })
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

  const pre = preprocessMsDocs(rawBody)
  notes.push(...pre.notes)
  const text = pre.text
  const src = new Source(text)
  const { root, title: h1, titleMarkdown: h1Markdown } = outline(src)
  const details = errorDetails(text)

  let title = cleanTitle(str(fm.title)) ?? cleanTitle(h1)
  if (details) title = referenceTitle(title, details, notes)
  if (!title) return skip('no title: no frontmatter title and no "# " heading')

  const roles = sectionRoles(root)
  const found = readSections(src, roles, pre.environment.flatMap(splitEnvironment))
  // Error-reference pages: the message text is the symptom users paste.
  let errorCodes = details ? applyDetails(details, found) : []

  // Cause: when no section names it, a sentence that says why.
  let cause = assemble(found.causeParts) || causeFromSentences(src, roles, notes)
  const resolution = assemble(found.resolutionParts)
  // Error-reference pages without an Explanation: the message text states the condition itself
  // ("... PARTITION=ALL must be specified"), so it is the cause, quoted verbatim.
  if (!cause && resolution && details?.message) {
    cause = `The message text states the condition:\n\n\`\`\`text\n${details.message}\n\`\`\``
    notes.push('no Explanation section; the cause is the message text')
  }
  if (!cause && !resolution) {
    return skip(
      details
        ? 'no cause and no resolution: the Explanation and User Action sections are empty or missing'
        : 'no cause and no resolution: no Cause/Resolution/Workaround sections (a guide or reference page, not a problem article)',
    )
  }
  if (!cause) return skip('no cause: no Cause/Explanation section and no sentence saying why the problem occurs')
  if (!resolution) return skip('no resolution: no Resolution/Workaround/Solution/User Action section')

  // Symptoms: fall back to a Summary section, then to a title that states the problem.
  const symptoms = symptomsOrFallback(found.symptoms, roles.all, title, notes)
  if (!symptoms) return skip('no symptoms: no Symptoms section, no per-error sections, and the title does not state a problem')

  // Environment: the article's own lines, else the product in frontmatter, the folder, the title.
  const env = environmentOrFallback(found.environment, fm, rel, { title, h1 }, notes)
  if (!env) return skip('no environment: no "Applies to"/product version line, no product in frontmatter, folder or title')
  const products = uniq(env.map(productName).filter((p) => p.length > 1))

  if (!details) errorCodes = findCodes([title, h1 ?? '', ...found.headingsForCodes, ...symptoms])
  const parent = rel.split('/').slice(-2, -1)[0]
  const tag = parent ? idFromPath(parent) : ''
  const body = articleBody(src, roles, { title, h1, h1Markdown }, found.bodyExtras, rel)

  const fields: Record<string, unknown> = { id, title }
  if (products.length) fields.products = products
  if (tag) fields.tags = [tag]
  if (errorCodes.length) fields.error_codes = errorCodes
  fields.symptoms = symptoms
  fields.environment = env
  fields.cause = finishMarkdown(cause)
  fields.resolution = finishMarkdown(resolution)
  const refs = (options.references ?? []).filter((r) => /^https?:\/\//i.test(r.url))
  if (refs.length) fields.references = refs.map((r) => (r.title ? { title: r.title, url: r.url } : r.url))
  const updated = isoDate(str(fm['ms.date']) ?? str(fm.date) ?? str(fm.updated))
  if (updated) fields.updated = updated

  const article = `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${finishMarkdown(body.join('\n\n'))}\n`
  const check = parseArticle(article, `${id}.md`)
  const errors = check.problems.filter((p) => p.severity === 'error')
  if (errors.length || !check.article) {
    throw new Error(`generated article does not validate: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`)
  }
  return { article, id, notes }
}
