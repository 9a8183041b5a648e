/**
 * The cause of an article without a Cause section: a sentence that says why ("This problem occurs
 * because ...") and the sentences after it, up to one that turns to the fix.
 */
import type { RootContent } from 'mdast'
import type { Source } from './markdown.js'
import type { SectionRoles } from './sections.js'

const CAUSAL =
  /\b(?:(?:this|the|these|that)\s+(?:problem|issue|error|behaviou?r|symptom|failure|crash|message)s?\s+(?:(?:can|may|might|could|will)\s+)?(?:occurs?|happens?|is caused|are caused|is expected|is by design|results? from)|(?:occurs?|happens?) because|(?:is|are) caused by)\b/i
const STOP_SENTENCE = /^(?:to (?:resolve|fix|work around|avoid|correct)|use |follow |you can |for more information|if you )/i

/**
 * A cause from a sentence that says why, in the introduction or a top-level section (deeper
 * sections discuss narrower cases); '' when there is none. Where it was found is noted.
 */
export function causeFromSentences(src: Source, roles: SectionRoles, notes: string[]): string {
  const { root, all, effective } = roles
  const candidates: Array<{ node: RootContent; where: string }> = [
    ...root.nodes.map((node) => ({ node, where: 'the introduction' })),
    ...all
      .filter((s) => s.depth <= 2.5 && effective.get(s) !== 'other')
      .flatMap((s) => s.nodes.map((node) => ({ node, where: `section "${s.heading ?? ''}"` }))),
  ]
  for (const { node, where } of candidates) {
    if (node.type !== 'paragraph') continue
    const para = src
      .block(node)
      .replace(/\s*\n\s*/g, ' ')
      .trim()
    const sentences = para.split(/(?<=[.!?])\s+(?=[A-Z`*"(])/)
    const first = sentences.findIndex((x) => CAUSAL.test(x))
    if (first < 0) continue
    const taken: string[] = []
    for (const x of sentences.slice(first)) {
      if (taken.length > 0 && STOP_SENTENCE.test(x)) break
      taken.push(x)
    }
    notes.push(`no Cause section; cause taken from a sentence in ${where}`)
    return taken.join(' ')
  }
  return ''
}
