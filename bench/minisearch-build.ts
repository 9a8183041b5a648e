/**
 * Build step of the MiniSearch reference: read the articles (front matter with YAML's failsafe
 * schema, as `kb build` does), turn the Markdown into plain text, index with MiniSearch and
 * write `JSON.stringify(miniSearch)`, the way its documentation serializes an index.
 *
 *   node build/bench/minisearch-build.js --articles <dir> --out <file>
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import matter from 'gray-matter'
import MiniSearch from 'minisearch'
import { parse as parseYaml } from 'yaml'
import { type MiniDoc, MINISEARCH_OPTIONS } from './minisearch-common.js'

/** Markdown to plain text, roughly: no markers, link text kept, code kept as text. */
export function plainText(md: string): string {
  return md
    .replace(/^```.*$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]{1,3}/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s?)/gm, '')
    .replace(/\|/g, ' ')
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, out: { type: 'string' } } })
  if (!values.articles || !values.out) throw new Error('usage: minisearch-build --articles <dir> --out <file>')
  const dir = values.articles
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  const docs: MiniDoc[] = []
  for (const file of files) {
    const parsed = matter(await readFile(file, 'utf8'), { engines: { yaml: (s: string) => parseYaml(s, { schema: 'failsafe' }) as object } })
    const d = parsed.data as Record<string, unknown>
    docs.push({
      id: str(d.id) || path.basename(file, '.md'),
      title: str(d.title),
      symptoms: list(d.symptoms).join('\n'),
      errorCodes: list(d.error_codes).join('\n'),
      cause: plainText(str(d.cause)),
      resolution: plainText(str(d.resolution)),
      environment: [...list(d.environment), ...list(d.products)].join('\n'),
      body: plainText(parsed.content),
    })
  }
  const ms = new MiniSearch<MiniDoc>(MINISEARCH_OPTIONS)
  ms.addAll(docs)
  const json = JSON.stringify(ms)
  await writeFile(values.out, json)
  process.stdout.write(`${JSON.stringify({ ok: true, articles: docs.length, bytes: Buffer.byteLength(json) })}\n`)
}

await main()
