/**
 * Importing troubleshooting pages written in other formats into this KB's article format
 * (docs/article-format.md). Three page shapes are recognized:
 *
 * - support-article style: frontmatter plus headings such as Symptoms / Cause / Resolution /
 *   Workaround, Problem / Solution (any level, singular or plural, numbered, "Cause 2: ...",
 *   "Method 1: ..." under a Resolution; the map file adds names), older bare-paragraph labels
 *   ("Cause" on its own line), and role tables (| **Symptoms** | ... | **Root cause** | ... |);
 * - error-reference style: a Details table (| Message Text | ... |, | Event ID | ... |) followed by
 *   Explanation and User Action sections;
 * - pages of problems: headings that each name an error or a failure, one article per problem.
 *
 * Cause is optional. The environment comes from what the source says, the map file or flags,
 * else the folder's name (noted). Product names live in data (the map file, src/build/import/profiles).
 * `convertArticle` is pure but for the shipped profiles, read once (convert.ts, which calls one
 * file per step); `importFolder` walks a folder, converts and writes each file, and reports every
 * file as imported (as n articles) or skipped with one reason (folder.ts). This module is the
 * importer's public face.
 */
export { convertArticle } from './convert.js'
export { ImportConflictError, importFolder, type ImportFolderOptions } from './folder.js'
export { idFromPath } from './ids.js'
export { ImportMapError, readImportMap, resolveSettings } from './settings.js'
export type { ConvertedArticle, ConvertOptions, ConvertResult, FileOutcome, ImportedReference, ImportReport, ProblemOutcome } from './types.js'
