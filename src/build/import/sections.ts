/**
 * The sections of a source article mapped to the article's fields: each section's role (its own
 * heading's, else its parent's; a section whose sub-sections are its Cause and Resolution is one
 * problem), the label a part keeps, and the walk that sorts every section's blocks into symptoms,
 * cause, resolution and environment.
 */
import type { RootContent } from 'mdast'
import { splitEnvironment } from './environment.js'
import {
  classifyHeading,
  descendants,
  isBareRoleHeading,
  parseMarkdown,
  plainText,
  type Role,
  roleTable,
  type Section,
  type Source,
  tidyLines,
  type Vocabulary,
} from './markdown.js'
import { addSymptomsFrom, type Found, headingSymptom } from './symptoms.js'
import { labelText, type Part } from './text.js'

/** The role of each section: its heading's own, and the one it takes in the article ('problem': one problem's symptoms). */
export interface SectionRoles {
  root: Section
  /** Every section below the root, in document order. */
  all: Section[]
  own: Map<Section, Role | undefined>
  /** Role tables (| **Symptoms** | ... | **Cause** | ... |) in each section. */
  tables: Map<Section, Array<{ node: RootContent; rows: NonNullable<ReturnType<typeof roleTable>> }>>
  effective: Map<Section, Role | 'problem' | undefined>
  /** The map file's section names, if any. */
  vocab?: Vocabulary
}

/** What the sections yield: symptoms (and what goes with them), the parts of Cause and Resolution, environment lines. */
export interface SectionFields extends Found {
  causeParts: Part[]
  resolutionParts: Part[]
  environment: string[]
}

/** Roles of sections: a heading's own role (`vocab`: the map file's names), else its parent's (a "Method 1" under Resolution). */
export function sectionRoles(root: Section, vocab?: Vocabulary): SectionRoles {
  const all = descendants(root)
  const own = new Map<Section, Role | undefined>(all.map((s) => [s, s.heading ? classifyHeading(s.heading, vocab) : undefined]))
  const tables = new Map<Section, Array<{ node: RootContent; rows: NonNullable<ReturnType<typeof roleTable>> }>>()
  for (const s of all) {
    const found = s.nodes.flatMap((n) => {
      const rows = roleTable(n)
      return rows ? [{ node: n, rows }] : []
    })
    if (found.length) tables.set(s, found)
  }
  const effective = new Map<Section, Role | 'problem' | undefined>()
  for (const s of all) {
    const o = own.get(s)
    const p = s.parent && s.parent !== root ? effective.get(s.parent) : undefined
    effective.set(s, o ?? (p === 'problem' ? undefined : p))
  }
  // A section without a role whose sub-sections are its Cause/Resolution describes one problem:
  // its heading and text are that problem's symptoms ("## HRESULT code 0x8007000d" + "Cause").
  for (const s of all) {
    if (effective.get(s) !== undefined) continue
    const hasRoleChild = s.children.some((c) => own.get(c) === 'cause' || own.get(c) === 'resolution')
    if (hasRoleChild || tables.has(s)) effective.set(s, 'problem')
  }
  return { root, all, own, tables, effective, ...(vocab ? { vocab } : {}) }
}

/**
 * A part's label: its own heading unless that only names the field ("Cause"); else the nearest
 * ancestor heading that says more ("HRESULT code 0x8007000d", "Cause 2: ..."). A Resolution
 * labelled by a Cause heading reads "For cause 2: ...".
 */
export function sectionLabel(s: Section, field: Role, roles: SectionRoles): string | undefined {
  const { root, own } = roles
  if (s.heading && !isBareRoleHeading(s.heading, roles.vocab)) return s.headingMarkdown
  for (let p = s.parent; p && p !== root; p = p.parent) {
    if (!p.heading || isBareRoleHeading(p.heading, roles.vocab) || !p.headingMarkdown) continue
    const pRole = own.get(p)
    if (pRole !== undefined && pRole !== field && pRole !== 'other') {
      const t = labelText(p.headingMarkdown)
      return `For ${t.charAt(0).toLowerCase()}${t.slice(1)}`
    }
    return p.headingMarkdown
  }
  return undefined
}

/** Sort every section's blocks into the article's fields; `environment`: lines found before (msdocs "Applies to"). */
export function readSections(src: Source, roles: SectionRoles, environment: string[]): SectionFields {
  const { all, effective, tables } = roles
  const out: SectionFields = { symptoms: [], bodyExtras: [], headingsForCodes: [], causeParts: [], resolutionParts: [], environment: [...environment] }
  const nodesMarkdown = (nodes: RootContent[]): string => nodes.map((n) => src.block(n)).join('\n\n')
  for (const s of all) {
    const role = effective.get(s)
    const roleTables = tables.get(s) ?? []
    const tableNodes = new Set(roleTables.map((t) => t.node))
    const nodes = s.nodes.filter((n) => !tableNodes.has(n))
    const part = (field: Role, markdown: string): Part => {
      const label = sectionLabel(s, field, roles)
      if (label) return { label, markdown }
      return s.headingMarkdown && !s.pseudo ? { heading: s.headingMarkdown, markdown } : { markdown }
    }
    if (role === 'symptoms' || role === 'problem') headingSymptom(s, out, roles.vocab)
    for (const t of roleTables) {
      for (const { role: r, cell } of t.rows) {
        const md = src
          .inner(cell)
          .replace(/\s*<br\s*\/?>\s*/gi, '\n')
          .trim()
        if (r === 'symptoms') addSymptomsFrom(parseMarkdown(md).children, src, out)
        else (r === 'cause' ? out.causeParts : out.resolutionParts).push(part(r, md))
      }
    }
    switch (role) {
      case 'symptoms':
      case 'problem':
        addSymptomsFrom(nodes, src, out)
        break
      case 'cause':
        out.causeParts.push(part('cause', nodesMarkdown(nodes)))
        break
      case 'resolution':
        out.resolutionParts.push(part('resolution', nodesMarkdown(nodes)))
        break
      case 'environment':
        for (const n of nodes) {
          const t = tidyLines(plainText(n))
          for (const l of t.split('\n')) out.environment.push(...splitEnvironment(l.replace(/^[-*]\s+/, '')))
        }
        break
      default:
        break
    }
  }
  return out
}
