/**
 * A draft article from a gap (the KCS "capture" step): the group's example lines as the symptoms,
 * verbatim (as stored: redacted), the products and codes read as the environment, and the rest
 * left to the author with `TODO(draft):` lines, under `status: draft` (linted, not served). One
 * function, used by `GET /api/insights/gaps/:id/draft` and `kb draft`, so both write the same.
 */
import { articleSlug } from '../article-slug.js'
import type { Gap } from './gaps.js'
import { WILDCARD } from './templates.js'

/** What marks a line the author must replace; lint refuses it in a published article. */
export const DRAFT_TODO = 'TODO(draft):'

/** Symptoms taken from the example, at most, and characters of each. */
const MAX_SYMPTOMS = 5
const MAX_SYMPTOM_CHARS = 300
const MAX_TITLE_CHARS = 100

/** A YAML scalar that is read back as exactly this text: a JSON string is a YAML double-quoted scalar. */
const scalar = (s: string): string => JSON.stringify(s)

/** The title of a gap's draft: its template, wildcards as "…", cut at a word near 100 characters. */
export function draftTitle(gap: Pick<Gap, 'template'>): string {
  const t = gap.template.split(WILDCARD).join('…').replace(/\s+/g, ' ').trim()
  if (t.length <= MAX_TITLE_CHARS) return t
  const cut = t.slice(0, MAX_TITLE_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${space > 40 ? cut.slice(0, space) : cut}…`
}

/**
 * The file name (without .md) of a gap's draft: its template's words without the placeholders,
 * as `kb new` names an article (digits kept: `500.19` and `500.21` are two names), or `gap-<id>`
 * when fewer than two words are left.
 */
export function draftSlug(gap: Pick<Gap, 'id' | 'template'>): string {
  const slug = articleSlug(gap.template.replace(/<[^>\s]*>/g, ' '))
  return slug.includes('-') ? slug : `gap-${gap.id.slice(0, 12)}`
}

/** The comment a gap's draft opens with; `kb draft` reads it to tell that gap's draft from another file of the same name. */
export function draftMarker(id: string): string {
  return `# Drafted from knowledge gap ${id}:`
}

/** The symptoms of a gap's draft: its example's lines, verbatim, bounded. */
export function draftSymptoms(gap: Pick<Gap, 'example' | 'template'>): string[] {
  const lines = gap.example
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MAX_SYMPTOMS)
    .map((l) => (l.length > MAX_SYMPTOM_CHARS ? l.slice(0, MAX_SYMPTOM_CHARS) : l))
  return lines.length ? lines : [gap.template]
}

/** The Markdown of a gap's draft article and the file name it goes to. */
export function draftArticle(gap: Gap): { slug: string; markdown: string } {
  const environment = gap.products.length
    ? gap.products
    : [`${DRAFT_TODO} the product and version where this happens${gap.codes.length ? ` (codes read: ${gap.codes.join(', ')})` : ''}`]
  // A fence longer than any run of backticks in the template, so the template cannot close it.
  const fence = '`'.repeat(Math.max(3, ...(gap.template.match(/`+/g) ?? []).map((r) => r.length + 1)))
  const list = (name: string, items: readonly string[]) => (items.length ? [`${name}:`, ...items.map((i) => `  - ${scalar(i)}`)] : [])
  const lines = [
    '---',
    `${draftMarker(gap.id)} ${gap.count} question${gap.count === 1 ? '' : 's'} from ${gap.firstSeen.slice(0, 10)} to ${gap.lastSeen.slice(0, 10)}, ${gap.rejected} with a rejected answer.`,
    `# Replace every ${DRAFT_TODO} line, add a cause once it is known, then set status: published.`,
    'status: draft',
    `title: ${scalar(draftTitle(gap))}`,
    ...list('symptoms', draftSymptoms(gap)),
    ...list('environment', environment),
    ...list('products', gap.products),
    ...list('error_codes', gap.codes),
    `resolution: ${scalar(`${DRAFT_TODO} the steps that fix it, in order, and how to check that they worked.`)}`,
    '---',
    '',
    `Users asked this ${gap.count} time${gap.count === 1 ? '' : 's'} and the KB had no answer${gap.rejected ? ` (or one they rejected: ${gap.rejected})` : ''}. The questions, read as one template:`,
    '',
    `${fence}text`,
    gap.template,
    fence,
    '',
  ]
  return { slug: draftSlug(gap), markdown: lines.join('\n') }
}
