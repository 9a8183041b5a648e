/**
 * The MiniSearch reference: what a user would pick instead of Lunr. Default options, the same
 * article fields as plain text; only the fields, the id and a stored title are configured.
 */
export const MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: ['title', 'symptoms', 'errorCodes', 'cause', 'resolution', 'environment', 'body'],
  storeFields: ['title'],
}

/** One article as MiniSearch indexes it. */
export interface MiniDoc {
  id: string
  title: string
  symptoms: string
  errorCodes: string
  cause: string
  resolution: string
  environment: string
  body: string
}
