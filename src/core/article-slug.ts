/**
 * An article's id and file name from its title, as `kb new` and `kb draft` both make it: one
 * function, so a draft and an article written by hand are named alike.
 */

/** Characters of a slug, at most. */
export const MAX_SLUG_CHARS = 60

/** The id and file name (without .md) of an article titled `title`: its words (accents folded, digits kept), lowercase, joined by "-"; '' when it has none. */
export function articleSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w
    if (next.length > MAX_SLUG_CHARS) break
    slug = next
  }
  // One word longer than the limit on its own is cut rather than lost.
  return slug || (words[0] ?? '').slice(0, MAX_SLUG_CHARS)
}
