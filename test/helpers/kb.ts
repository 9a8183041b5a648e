/** Test helpers: a KB built in memory from a folder, and an app serving it. */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createApp } from '../../src/app.js'
import { parseArtifact } from '../../src/build/artifact/artifact.js'
import { buildFromFolder } from '../../src/build/index/build.js'
import { type KnowledgeBase, openKnowledgeBase } from '../../src/runtime/kb.js'
import type { KbArticle, RenderedText } from '../../src/core/article.js'
import { tempDir } from './temp.js'

export const REPO = path.join(import.meta.dirname, '..', '..')
export const ARTICLES = path.join(REPO, 'articles')

const cache = new Map<string, Promise<KnowledgeBase>>()

/** Build (once per folder per test file) and open a KB. */
export function kbFrom(dir = ARTICLES): Promise<KnowledgeBase> {
  let kb = cache.get(dir)
  if (!kb) {
    kb = buildFromFolder(dir).then(({ bytes }) => openKnowledgeBase(parseArtifact(bytes, 'memory')))
    cache.set(dir, kb)
  }
  return kb
}

/** An app serving the bundled KB, ready for supertest (`request(app.server)`). */
export async function appFor(dir = ARTICLES, bodyLimit = 64 * 1024): Promise<FastifyInstance> {
  return createApp({ kb: await kbFrom(dir), bodyLimit })
}

/** A temp folder of `n` articles: the bundled ones, then copies with unique ids and titles (kb dev's test and bench). */
export async function bundledCopies(n: number): Promise<string> {
  const dir = await tempDir('kb-copies-')
  const files = (await readdir(ARTICLES)).filter((f) => f.endsWith('.md')).sort()
  await cp(path.join(ARTICLES, 'synonyms.yml'), path.join(dir, 'synonyms.yml'))
  const texts = await Promise.all(files.map((f) => readFile(path.join(ARTICLES, f), 'utf8')))
  for (let i = 0; i < n; i++) {
    const k = i % files.length
    const base = files[k]!.replace(/\.md$/, '')
    const copy = Math.floor(i / files.length)
    const id = copy === 0 ? base : `${base.slice(0, 60)}-v${copy}`
    let text = texts[k]!.replace(/^id: .*$/m, `id: ${id}`)
    if (copy > 0) text = text.replace(/^title: (["']?)/m, `title: $1Variant ${copy} - `)
    await writeFile(path.join(dir, `${id}.md`), text)
  }
  return dir
}

/** A rendered field whose three forms are the same plain text. */
export const plainText = (markdown: string): RenderedText => ({ markdown, html: markdown === '' ? '' : `<p>${markdown}</p>`, text: markdown })

/** A hand-made rendered article: every field empty unless given. */
export function handMadeArticle(id: string, fields: Partial<KbArticle> = {}): KbArticle {
  return {
    id,
    title: '',
    symptoms: [],
    environment: [],
    cause: null,
    resolution: plainText(''),
    body: plainText(''),
    products: [],
    tags: [],
    errorCodes: [],
    references: [],
    updated: null,
    source: `${id}.md`,
    ...fields,
  }
}
