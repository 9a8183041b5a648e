/** Test helpers: a KB built in memory from a folder, and an app serving it. */
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createApp } from '../../src/app.js'
import { parseArtifact } from '../../src/build/artifact/artifact.js'
import { buildFromFolder } from '../../src/build/artifact/build.js'
import { type KnowledgeBase, openKnowledgeBase } from '../../src/runtime/kb.js'

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
