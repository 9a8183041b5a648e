/**
 * Warming a freshly loaded KB before its first users: V8 optimizes the search and match code only
 * after running it many times, and the matcher prepares an article's symptom profile the first
 * time the article is a candidate. Measured at 10,000 articles under 50 connections, a new
 * process answered matches at p99 ~300 ms for its first seconds, against ~170 ms once warm. So
 * the worker, once it holds a build, runs queries made from the KB's own articles (title words
 * as searches; symptoms as pastes, bare, inside a log line, and inside a few lines of chatter)
 * one per event-loop turn, so real queries that arrive meanwhile are answered between two steps.
 */
import type { KnowledgeBase } from '../kb.js'
import { search } from '../../core/search/search.js'

/** How much warming a build gets, at most. */
export const WARMUP = { articles: 400, maxMs: 3000 }

/** One warm-up query. */
export type WarmupStep = (kb: KnowledgeBase) => void

/** The warm-up queries for a KB: a few per article, for articles spread evenly over the KB. */
export function warmupSteps(kb: KnowledgeBase, articles = WARMUP.articles): WarmupStep[] {
  const all = kb.artifact.articles
  const n = Math.min(articles, all.length)
  const steps: WarmupStep[] = []
  for (let i = 0; i < n; i++) {
    const a = all[Math.floor((i * all.length) / n)]!
    const symptom = a.symptoms[i % Math.max(1, a.symptoms.length)] ?? a.title
    const words = a.title
      .split(/\s+/)
      .slice(0, 3 + (i % 3))
      .join(' ')
    const text =
      i % 3 === 0
        ? symptom
        : i % 3 === 1
          ? `2025-01-01 10:00:0${i % 10},123 ERROR [worker-${i % 8}] ${symptom}`
          : [...Array.from({ length: 6 }, (_, k) => `2025-01-01 10:00:0${k},000 INFO [main] step ${k} done`), symptom, '   at Service.Run()'].join('\n')
    steps.push((kb) => void search(kb.artifact, { q: words, limit: 10, offset: 0 }))
    steps.push((kb) => void kb.matcher.match({ text, limit: 5 }))
  }
  return steps
}

/**
 * Run the warm-up steps one per turn of the event loop, until done or out of time; `stillWanted`
 * stops it early (the build was replaced). Never throws: a failing step only ends the warm-up.
 */
export function warmUp(kb: KnowledgeBase, stillWanted: () => boolean, maxMs = WARMUP.maxMs): Promise<{ steps: number; ms: number }> {
  const steps = warmupSteps(kb)
  const started = performance.now()
  let done = 0
  return new Promise((resolve) => {
    const next = () => {
      const ms = performance.now() - started
      if (done >= steps.length || ms > maxMs || !stillWanted()) return resolve({ steps: done, ms: Math.round(ms) })
      try {
        steps[done++]!(kb)
      } catch {
        return resolve({ steps: done, ms: Math.round(ms) })
      }
      setImmediate(next)
    }
    setImmediate(next)
  })
}

/** Articles whose record is decoded in one turn of the event loop (a few milliseconds). */
const ARTICLES_PER_TURN = 250

/**
 * Decode every article's record, a batch per turn of the event loop, in a thread that matches:
 * a thread opens the artifact without them (stored-article.ts: at 100,000 articles that was most
 * of its start), but decoding them while answering, each the first time an article was a
 * candidate, cost the matching threads a fifth of their throughput at 100,000 (records decoded
 * in the path of a query, and kept from there, which garbage collection then promotes one by one).
 * `stillWanted` stops it early. Resolves with how many were read.
 */
export function readEveryArticle(kb: KnowledgeBase, stillWanted: () => boolean): Promise<{ articles: number; ms: number }> {
  const all = kb.artifact.articles
  const started = performance.now()
  let at = 0
  return new Promise((resolve) => {
    const next = () => {
      if (at >= all.length || !stillWanted()) return resolve({ articles: at, ms: Math.round(performance.now() - started) })
      const end = Math.min(all.length, at + ARTICLES_PER_TURN)
      try {
        for (; at < end; at++) void all[at]!.title // reading a field decodes the article's record, which is kept
      } catch {
        return resolve({ articles: at, ms: Math.round(performance.now() - started) }) // a record that does not decode is reported when a query reads it
      }
      setImmediate(next)
    }
    setImmediate(next)
  })
}
