/**
 * The one place that knows which article fields Lunr indexes and how much each counts.
 */
import type { KbArticle } from './article.js'

/** Indexed fields with their boosts: codes and symptoms say most about a problem. */
export const FIELDS = [
  { name: 'title', boost: 6, extract: (a: KbArticle) => a.title },
  { name: 'errorCodes', boost: 8, extract: (a: KbArticle) => a.errorCodes.join('\n') },
  { name: 'symptoms', boost: 5, extract: (a: KbArticle) => a.symptoms.join('\n') },
  { name: 'cause', boost: 2, extract: (a: KbArticle) => a.cause?.text ?? '' },
  { name: 'resolution', boost: 1.5, extract: (a: KbArticle) => a.resolution.text },
  { name: 'environment', boost: 2, extract: (a: KbArticle) => [...a.environment, ...a.products].join('\n') },
  { name: 'tags', boost: 2, extract: (a: KbArticle) => a.tags.join('\n') },
  { name: 'body', boost: 1, extract: (a: KbArticle) => a.body.text },
] as const

export type FieldName = (typeof FIELDS)[number]['name']
export const FIELD_NAMES: readonly FieldName[] = FIELDS.map((f) => f.name)
