/**
 * The JSON Schema of an article's frontmatter, for editors (the YAML language server behind VS
 * Code's YAML extension, and any JSON Schema tool). Generated from `Frontmatter`, the TypeBox
 * schema the validator checks against (a TypeBox schema is a JSON Schema), so the two cannot
 * drift; this adds only what an editor shows: the schema's name, each field's description, and
 * room for YAML's plain numbers and booleans (below). Served at `GET /schema/article.json` and
 * written by `kb schema`.
 */
import { FIELD_EXPECTATIONS, Frontmatter } from './schema.js'

/** The schema's identifier (a name, not a place to fetch it from). */
export const ARTICLE_SCHEMA_ID = 'urn:kb-search:article-frontmatter'

/** What each field is for, shown on hover in an editor; the last sentence says what the validator wants. */
const PURPOSE: Record<keyof typeof FIELD_EXPECTATIONS, string> = {
  id: "The article's id, in its URL (/articles/<id>). Optional: defaults to the file name without .md. Unique across the KB.",
  title: 'What the problem looks like, in the words of the person who has it.',
  symptoms: 'One symptom per item: error text quoted verbatim (with <placeholders> where values vary) or what the user sees, in their words.',
  environment: 'Where the problem happens: products, versions, OS, topology.',
  cause: 'Why the problem happens (Markdown). Optional, as KCS treats it: lint warns without it.',
  resolution: 'The steps that fix it, in order, and how to check that they worked (Markdown).',
  products: 'Products the article is about: the product= filter of the API, and what the importer and insights name.',
  tags: 'Free tags: the tag= filter of the API.',
  error_codes: 'Codes and names to match exactly (0x8007000d, 503.2, Connections_Refused).',
  references: 'Further reading: https URLs, or mappings with url and an optional title.',
  updated: 'When the article was last checked, YYYY-MM-DD.',
  review_by: 'When the article is due for review, YYYY-MM-DD: kb lint warns once it is past.',
  verified: 'When the resolution was last verified to work, YYYY-MM-DD: kb lint warns once it is more than a year old.',
  status: 'draft: linted, but not built or served until published (kb build --include-drafts previews it). Default: published.',
}

type JsonSchema = Record<string, unknown>

/**
 * The frontmatter is read with YAML's failsafe schema, where every value is text, but an editor
 * reads `500` as a number and `no` as a boolean: a string there also takes a plain number or
 * boolean, so the editor does not flag what the validator accepts (its pattern and length rules
 * apply to text only, as JSON Schema defines them).
 */
function relaxScalars(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxScalars)
  if (node === null || typeof node !== 'object') return node
  const out: JsonSchema = {}
  for (const [k, v] of Object.entries(node)) out[k] = k === 'type' && v === 'string' ? ['string', 'number', 'boolean'] : relaxScalars(v)
  return out
}

/** The JSON Schema (draft-07, which every YAML language server reads) of an article's frontmatter. */
export function articleJsonSchema(): JsonSchema {
  // JSON text drops TypeBox's symbol-keyed bookkeeping and copies, so Frontmatter itself is not touched.
  const plain = JSON.parse(JSON.stringify(Frontmatter)) as JsonSchema & { properties: Record<string, JsonSchema> }
  const properties: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(plain.properties)) {
    const key = name as keyof typeof FIELD_EXPECTATIONS
    properties[name] = { description: `${PURPOSE[key]} Must be ${FIELD_EXPECTATIONS[key].field}.`, ...(relaxScalars(schema) as JsonSchema) }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: ARTICLE_SCHEMA_ID,
    title: 'kb-search article frontmatter',
    description:
      'The YAML between the --- lines at the top of a kb-search article (docs/article-format.md). Unknown fields are allowed, as kb lint allows them (with a warning).',
    ...plain,
    properties,
  }
}

/** The schema as served and written: two-space JSON and a final newline. */
export function articleSchemaText(): string {
  return `${JSON.stringify(articleJsonSchema(), null, 2)}\n`
}
