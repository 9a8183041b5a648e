/** What the importer takes and gives back: options of one conversion, its result, and a folder's report. */
import type { ImportSettings } from './settings.js'

/** A link to where an imported article came from. */
export interface ImportedReference {
  title?: string
  url: string
}

/** Options of one conversion. */
export interface ConvertOptions {
  /** Id to use instead of the one derived from the file name. */
  id?: string
  /** Where the original lives (http or https URLs only). */
  references?: ImportedReference[]
  /** Map file, flags and profiles (settings.ts); default: the defaults and the shipped profiles. */
  settings?: ImportSettings
  /** The text of a file an `[!INCLUDE]` names, relative to the converted file's folder; undefined when it cannot be read. */
  readInclude?: (relPath: string) => string | undefined
  /** Name of the folder imported from: the environment of a file at its top when nothing else names one. */
  rootFolder?: string
}

/** One article made from a source page. */
export interface ConvertedArticle {
  id: string
  title: string
  /** The problem's heading, for an article split out of a page of problems. */
  heading?: string
  /** The article file's text. */
  article: string
  /** Its frontmatter fields and body, to write it again under another id. */
  fields: Record<string, unknown>
  body: string
  /** What the converter guessed or changed, for a reviewer. */
  notes: string[]
}

/** One problem of a page of problems: its article's id, or why it was skipped. */
export interface ProblemOutcome {
  heading: string
  id: string
  skipped?: string
}

/** One page converted into articles, or skipped with a reason. */
export interface ConvertResult {
  /** The page's id (from its file name). */
  id: string
  /** The articles made; empty when the page is skipped. */
  articles: ConvertedArticle[]
  /** The one article's text, when the page is one article. */
  article?: string
  /** Why the page was not converted. */
  skipped?: string
  /** What the converter guessed or changed, for the page. */
  notes: string[]
  /** Pages of problems: each problem's outcome. */
  problems?: ProblemOutcome[]
}

/** One document of a file that holds several (a Zendesk export): its articles, or why it was skipped. */
export interface DocumentOutcome {
  source: string
  articles: string[]
  skipped?: string
}

/** Every source file of a folder: imported (as one or more articles) or skipped with one reason. */
export interface ImportReport {
  imported: Array<{ source: string; id: string; notes: string[]; heading?: string }>
  /** `error` is set when conversion failed unexpectedly (a bug), rather than by rule. */
  skipped: Array<{ source: string; reason: string; error?: boolean }>
  /** Per file: its outcome, the ids of its articles, and each problem of a page of problems. */
  files: FileOutcome[]
}

/** One file's outcome. */
export interface FileOutcome {
  source: string
  outcome: 'imported' | 'skipped' | 'failed'
  reason?: string
  articles: string[]
  notes: string[]
  problems?: ProblemOutcome[]
  /** Files of several documents: each document's outcome. */
  documents?: DocumentOutcome[]
}
