/** What the importer takes and gives back: options of one conversion, its result, and a folder's report. */

/** A link to where an imported article came from. */
export interface ImportedReference {
  title?: string
  url: string
}

/** Options of one conversion. */
export interface ConvertOptions {
  /** Id to use instead of the one derived from the file name (the importer's de-duplication). */
  id?: string
  /** Where the original lives (http or https URLs only). */
  references?: ImportedReference[]
}

/** One file converted, or skipped with a reason. */
export interface ConvertResult {
  /** The new article file's text; absent when the file is skipped. */
  article?: string
  id: string
  /** Why the file was not converted. */
  skipped?: string
  /** What the converter guessed or changed, for a reviewer. */
  notes: string[]
}

/** Every Markdown file of a folder, imported or skipped. */
export interface ImportReport {
  imported: Array<{ source: string; id: string; notes: string[] }>
  /** `error` is set when conversion failed unexpectedly (a bug), rather than by rule. */
  skipped: Array<{ source: string; reason: string; error?: boolean }>
}
