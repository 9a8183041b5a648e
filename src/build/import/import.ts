/**
 * Importing Markdown troubleshooting articles written in other formats into this KB's article
 * format (docs/article-format.md). Two source styles are recognized:
 *
 * - support-article style: frontmatter plus headings such as Symptoms / Cause / Resolution /
 *   Workaround (any level, singular or plural, numbered, "Cause 2: ...", "Method 1: ..." under a
 *   Resolution), older bare-paragraph labels ("Cause" on its own line), and role tables
 *   (| **Symptoms** | ... | **Root cause** | ... | **Fix** | ...);
 * - error-reference style: a Details table (| Message Text | ... |, | Event ID | ... |) followed by
 *   Explanation and User Action sections.
 *
 * `convertArticle` is pure (convert.ts, which calls one file per step); `importFolder` walks a
 * folder, converts and writes each file, and reports every Markdown file as imported or skipped
 * with a reason (folder.ts). This module is the importer's public face.
 */
export { convertArticle } from './convert.js'
export { ImportConflictError, importFolder } from './folder.js'
export { idFromPath } from './ids.js'
export type { ConvertOptions, ConvertResult, ImportedReference, ImportReport } from './types.js'
