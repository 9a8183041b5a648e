/**
 * The query worker thread: answers searches and matches for the build it is asked about. It
 * receives each loaded KB from the main thread as the artifact's shared memory and opens it itself
 * (articles' META decoded, bodies decoded when read), and keeps the last two builds, so requests
 * that arrived before a swap are answered from the index they started with; an older build is
 * answered "missing" and the main thread runs that query itself. Each new build's articles are
 * decoded, and the build warmed (warmup.ts), between real queries.
 */
import { parentPort } from 'node:worker_threads'
import { openArticles, openArtifact, type OpenedArticles, withEngine } from '../../build/artifact/open.js'
import { type KnowledgeBase, openKnowledgeBase } from '../kb.js'
import { collectGarbage } from '../memory.js'
import { search } from '../../core/search/search.js'
import { matchAnswer, searchAnswer } from './answers.js'
import { KEPT_BUILDS, type WorkerReply, type WorkerRequest } from './protocol.js'
import { errorReply } from './runner.js'
import { readEveryArticle, warmUp } from './warmup.js'
import { onParentMessage } from '../../threads.js'

const kbs = new Map<string, KnowledgeBase>()
/** The articles of the build being loaded, opened from its store before it is checked. */
let early: { buildId: string; opened: OpenedArticles } | undefined
let latest = ''
function reply(r: WorkerReply): void {
  parentPort!.postMessage(r)
}

onParentMessage((m: WorkerRequest) => {
  if (m.type === 'store') {
    // Opened now, while the loader decodes the postings; a store whose build never loads (its
    // checksum did not match) is dropped with the next store or load.
    try {
      early = { buildId: m.stored.buildId, opened: openArticles(m.stored.store, m.stored.layout, m.stored.docCount) }
      return reply({ id: m.id, ok: true, result: early.opened.articles.length })
    } catch (err) {
      early = undefined // the load opens it again, and says what is wrong
      return reply({ id: m.id, error: (err as Error).message })
    }
  }
  if (m.type === 'load') {
    try {
      const header = m.kb.header
      const opened = early?.buildId === header.buildId ? early.opened : undefined
      early = undefined
      const kb = openKnowledgeBase(opened ? withEngine(m.kb, opened) : openArtifact(m.kb))
      kbs.set(header.buildId, kb)
      for (const old of kbs.keys()) if (kbs.size > KEPT_BUILDS) kbs.delete(old)
      reply({ id: m.id, ok: true })
      // After the reply, which a server's readiness waits for: what opening the build left, and a build dropped from the two kept (with --expose-gc).
      collectGarbage()
      // Between real queries: decode the new build's articles' records, then warm it; a newer build stops both.
      latest = header.buildId
      const wanted = () => latest === header.buildId
      void readEveryArticle(kb, wanted).then(() => warmUp(kb, wanted))
    } catch (err) {
      reply({ id: m.id, error: (err as Error).message })
    }
    return
  }
  const kb = kbs.get(m.buildId)
  if (!kb) return reply({ id: m.id, missing: true })
  try {
    // Serialized here, so the main thread only sends the string (answers.ts).
    const result = m.type === 'search' ? searchAnswer(search(kb.artifact, m.params)) : matchAnswer(kb.matcher.matchRead(m.params, m.budgetMs))
    reply({ id: m.id, ok: true, result })
  } catch (err) {
    reply(errorReply(m.id, err)) // a query over a limit crosses as data, and is the same 400 on the main thread
  }
})
