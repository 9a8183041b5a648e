/**
 * The article format: one schema for the YAML frontmatter, and the validated record type.
 * The frontmatter is parsed with YAML's failsafe schema, so every scalar is a string: error codes
 * such as `0x80070005` or `500.10` never turn into numbers.
 */
import Type, { type Static } from 'typebox'
import { LIMITS } from '../../limits.js'

export const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'

const NonEmptyString = Type.String({ minLength: 1, pattern: '\\S' })
const StringList = Type.Array(NonEmptyString)

export const Reference = Type.Union([
  NonEmptyString,
  Type.Object({ title: Type.Optional(NonEmptyString), url: NonEmptyString }, { additionalProperties: false }),
])

/** The frontmatter schema: validation runs against this, field by field. */
export const Frontmatter = Type.Object({
  // No longer than the API serves: the id is the path parameter of GET /api/articles/:id.
  id: Type.Optional(Type.String({ pattern: ID_PATTERN, maxLength: LIMITS.articleIdChars })),
  title: NonEmptyString,
  symptoms: Type.Array(NonEmptyString, { minItems: 1 }),
  environment: Type.Array(NonEmptyString, { minItems: 1 }),
  // Optional, as KCS treats it: a problem with a known fix but no known cause is still worth an article.
  cause: Type.Optional(NonEmptyString),
  resolution: NonEmptyString,
  products: Type.Optional(StringList),
  tags: Type.Optional(StringList),
  error_codes: Type.Optional(StringList),
  references: Type.Optional(Type.Array(Reference)),
  updated: Type.Optional(Type.String({ pattern: DATE_PATTERN })),
  // Review dates, for `kb lint`'s self-check: stale once review_by is past, or verified too long ago.
  review_by: Type.Optional(Type.String({ pattern: DATE_PATTERN })),
  verified: Type.Optional(Type.String({ pattern: DATE_PATTERN })),
  // A draft (kb draft writes them) is linted, but not built or served unless --include-drafts asks.
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
})
export type Frontmatter = Static<typeof Frontmatter>

/** What each field must be, in the words the validator prints. */
export const FIELD_EXPECTATIONS: Record<keyof Frontmatter, { field: string; item?: string }> = {
  id: { field: 'lowercase letters, digits and "-" only (for example "iis-503-app-pool-stopped")' },
  title: { field: 'a non-empty string' },
  symptoms: { field: 'a non-empty list of strings', item: 'a non-empty string' },
  environment: { field: 'a non-empty list of strings', item: 'a non-empty string' },
  cause: { field: 'a non-empty Markdown string' },
  resolution: { field: 'a non-empty Markdown string' },
  products: { field: 'a list of strings', item: 'a non-empty string' },
  tags: { field: 'a list of strings', item: 'a non-empty string' },
  error_codes: { field: 'a list of strings', item: 'a non-empty string' },
  references: { field: 'a list of references', item: 'a URL string or a mapping with url (and optional title)' },
  updated: { field: 'a date in YYYY-MM-DD form' },
  review_by: { field: 'a date in YYYY-MM-DD form' },
  verified: { field: 'a date in YYYY-MM-DD form' },
  status: { field: '"draft" or "published"' },
}

export const KNOWN_FIELDS = new Set(Object.keys(Frontmatter.properties))

export type { ArticleReference } from '../../core/article.js'
import type { ArticleReference } from '../../core/article.js'

/** A validated article, straight from its file: Markdown not yet rendered. */
export interface ArticleSource {
  id: string
  title: string
  symptoms: string[]
  environment: string[]
  /** Absent when the author does not know why the problem happens (lint warns). */
  cause?: string
  resolution: string
  products: string[]
  tags: string[]
  errorCodes: string[]
  references: ArticleReference[]
  updated?: string
  /** Review dates (YYYY-MM-DD): the date to review the article by, and the date it was last verified to work. */
  reviewBy?: string
  verified?: string
  /** Set for a draft only (`status: draft`): linted, but built and served only with --include-drafts. */
  status?: 'draft'
  /** Free Markdown after the frontmatter. */
  body: string
  /** Path of the file, relative to the articles folder, with `/` separators. */
  source: string
  /** Line in the file where the body starts (for messages). */
  bodyLine: number
  /** File lines for the self-check's messages (kb lint); absent on articles not loaded from a file. */
  lines?: SourceLines
}

/** Where fields are in an article's file. */
export interface SourceLines {
  /** The line of each symptom. */
  symptoms: number[]
  /** The review dates' lines. */
  review_by?: number
  verified?: number
  /** A Markdown field's line; `block`: a literal block (`cause: |`), whose line n is the file's line + n. */
  cause?: { line: number; block: boolean }
  resolution?: { line: number; block: boolean }
}
