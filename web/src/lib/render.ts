/**
 * DOM builders shared by the widget and the hosted page. Everything from the API goes in as
 * text nodes, except the article's HTML fields, which go through `sanitizedFragment`.
 */
import type { Article, MatchHit, SearchHit } from './api.js'
import { highlight } from './highlight.js'
import { sanitizedFragment } from './sanitize.js'

type Child = Node | string | null | undefined | false

/** `h(doc, 'p', { class: 'x' }, 'text', node)`: an element with attributes and text or node children. */
export function h(doc: Document, tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = doc.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v)
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c)
  return el
}

/** Words for a confidence between 0 and 1. */
export function confidenceLabel(c: number): { level: 'high' | 'medium' | 'low'; text: string } {
  const pct = `${Math.round(c * 100)}%`
  if (c >= 0.7) return { level: 'high', text: `Strong match · ${pct}` }
  if (c >= 0.4) return { level: 'medium', text: `Possible match · ${pct}` }
  return { level: 'low', text: `Weak match · ${pct}` }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase()

export const isMatchHit = (hit: SearchHit | MatchHit): hit is MatchHit => 'confidence' in hit

/** The inside of one result: title, confidence (match), snippet with highlights, matched symptom (match). */
export function resultBody(doc: Document, hit: SearchHit | MatchHit, terms: readonly string[]): DocumentFragment {
  const frag = doc.createDocumentFragment()
  const head = h(doc, 'span', { class: 'kb-result-head' }, h(doc, 'span', { class: 'kb-result-title' }, hit.title))
  if (isMatchHit(hit)) {
    const c = confidenceLabel(hit.confidence)
    head.append(h(doc, 'span', { class: `kb-confidence kb-confidence-${c.level}` }, c.text))
  }
  frag.append(head)
  const symptom = isMatchHit(hit) ? hit.matchedSymptoms[0]?.symptom : undefined
  // A match's snippet is often the very symptom that matched: say it once.
  const same = symptom !== undefined && squash(symptom).includes(squash(hit.snippet).replace(/…$/, ''))
  if (!same) frag.append(h(doc, 'span', { class: 'kb-snippet' }, highlight(doc, hit.snippet, terms)))
  if (symptom !== undefined) {
    frag.append(
      h(doc, 'span', { class: 'kb-symptom' }, h(doc, 'span', { class: 'kb-symptom-label' }, 'Matched symptom: '), '“', highlight(doc, symptom, terms), '”'),
    )
  }
  return frag
}

/** The article: title, facts, symptoms, environment, cause, resolution, details, references. */
export function articleView(doc: Document, a: Article, opts: { level: 1 | 2 | 3; base: string; titleId: string }): DocumentFragment {
  const hn = (n: number) => `h${Math.min(n, 6)}`
  const frag = doc.createDocumentFragment()
  frag.append(h(doc, hn(opts.level), { class: 'kb-article-title', id: opts.titleId, tabindex: '-1' }, a.title))
  const facts = [a.products.join(', '), a.updated ? `Updated ${a.updated}` : ''].filter(Boolean).join(' · ')
  if (facts) frag.append(h(doc, 'p', { class: 'kb-article-facts' }, facts))
  const section = (title: string, ...content: Node[]) =>
    frag.append(h(doc, 'section', { class: 'kb-article-section' }, h(doc, hn(opts.level + 1), {}, title), ...content))
  const list = (items: readonly string[]) => h(doc, 'ul', {}, ...items.map((s) => h(doc, 'li', {}, s)))
  const prose = (html: string) => h(doc, 'div', { class: 'kb-prose' }, sanitizedFragment(doc, html, opts.base))
  section('Symptoms', list(a.symptoms))
  section('Environment', list(a.environment))
  // Cause is optional (KCS): no empty heading when the article has none.
  if (a.cause?.html.trim()) section('Cause', prose(a.cause.html))
  section('Resolution', prose(a.resolution.html))
  if (a.body.html.trim()) section('Details', prose(a.body.html))
  const refs = a.references.filter((r) => /^https?:\/\//i.test(r.url))
  if (refs.length) {
    section(
      'References',
      h(
        doc,
        'ul',
        {},
        ...refs.map((r) => h(doc, 'li', {}, h(doc, 'a', { href: r.url, target: '_blank', rel: 'noopener noreferrer nofollow' }, r.title ?? r.url))),
      ),
    )
  }
  return frag
}
