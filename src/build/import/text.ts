/**
 * Small text helpers for the fields of an imported article: de-duplication, Markdown escapes,
 * the labels of parts, and the last tidying of Markdown before it is written.
 */

/** One part of a Cause or Resolution: its label and Markdown. */
export interface Part {
  label?: string
  /** The part's own heading when that only names the field ("Possible causes"): a label after the first part. */
  heading?: string
  markdown: string
}

/** Items trimmed, without empty ones and repeats (case and trailing punctuation ignored), in order. */
export function uniq(items: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const i of items) {
    const t = i.trim()
    const k = t.toLowerCase().replace(/[\s.:;]+$/, '')
    if (!t || seen.has(k)) continue
    seen.add(k)
    out.push(t)
  }
  return out
}

/** Text without Markdown's backslash escapes. */
export const unescapeMd = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, '$1')

/** A heading or paragraph label as the bold label of a part: no emphasis, numbering or final colon. */
export function labelText(markdown: string): string {
  return markdown
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^\d+[.)]\s+/, '')
    .replace(/:\s*$/, '')
    .trim()
}

/** A field from its parts: each non-empty part, labelled after the first (or where it has a label of its own). */
export function assemble(parts: Part[]): string {
  const filled = parts.filter((p) => p.markdown.trim() !== '')
  if (filled.length === 0) return ''
  return filled
    .map((p, i) => {
      const label = p.label ?? (i > 0 ? p.heading : undefined)
      return label ? `**${labelText(label)}**\n\n${p.markdown.trim()}` : p.markdown.trim()
    })
    .join('\n\n')
}

/** `<br>` renders as nothing (raw HTML is dropped), so it becomes a space outside code. */
export function finishMarkdown(md: string): string {
  let fence = false
  const lines = md.split('\n')
  return lines
    .map((l, i) => {
      if (/^\s*(?:```|~~~)/.test(l)) fence = !fence
      if (fence) return l.replace(/[ \t]+$/, '')
      const next = lines[i + 1] ?? ''
      const line = l.replace(/\s*<br\s*\/?>\s*/gi, ' ')
      // Two trailing spaces are a hard line break only when a paragraph line follows.
      const keepBreak = / {2,}$/.test(line) && next.trim() !== '' && !/^\s*(?:\||#|```|~~~)/.test(next) && !/^\s*(?:\||#)/.test(line)
      return keepBreak ? line.replace(/[ \t]+$/, '  ') : line.replace(/[ \t]+$/, '')
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
