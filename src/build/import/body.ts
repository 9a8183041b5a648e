/**
 * The body of an imported article: the introduction and every section that is not a field, in
 * document order, with the headings of field sections kept for context, then the source path.
 */
import type { RootContent } from 'mdast'
import type { Section, Source } from './markdown.js'
import type { SectionRoles } from './sections.js'
import { labelText } from './text.js'

/** The body's Markdown blocks; `h1`: the source's first heading (kept in bold when it is not the title), `extras`: blocks of symptom sections that are no symptom. */
export function articleBody(
  src: Source,
  roles: SectionRoles,
  heading: { title: string; h1?: string; h1Markdown?: string },
  extras: string[],
  rel: string,
): string[] {
  const { root, all, effective } = roles
  const { title, h1, h1Markdown } = heading
  const nodesMarkdown = (nodes: RootContent[]): string => nodes.map((n) => src.block(n)).join('\n\n')
  const bodyOf = new Map<Section, boolean>()
  const inBody = (s: Section): boolean => {
    const cached = bodyOf.get(s)
    if (cached !== undefined) return cached
    const role = effective.get(s)
    const self = (role === undefined || role === 'other') && s.nodes.length > 0
    const result = self || s.children.some(inBody)
    bodyOf.set(s, result)
    return result
  }
  const body: string[] = []
  if (h1Markdown && h1 && h1.toLowerCase().replace(/[^a-z0-9]+/g, '') !== title.toLowerCase().replace(/[^a-z0-9]+/g, '')) {
    body.push(`**${labelText(h1Markdown)}**`)
  }
  if (root.nodes.length) body.push(nodesMarkdown(root.nodes))
  body.push(...extras)
  for (const s of all) {
    const role = effective.get(s)
    if (!inBody(s)) continue
    const fieldRole = role !== undefined && role !== 'other'
    if (s.headingLine) body.push(s.headingLine)
    if (!fieldRole && s.nodes.length) body.push(nodesMarkdown(s.nodes))
  }
  body.push(`Source: \`${rel}\``)
  return body
}
