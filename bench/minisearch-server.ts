/**
 * Serving side of the MiniSearch reference, in the same process shape as `kb serve`: a minimal
 * Fastify server (logger off) that loads the serialized index at start with
 * `MiniSearch.loadJSON`, then answers `GET /api/search?q=` with `ms.search(q).slice(0, 10)` and
 * `POST /api/match {text}` with `ms.search(text).slice(0, 5)`, default search options.
 *
 *   node build/bench/minisearch-server.js --index <file> --port <n> [--host 127.0.0.1]
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import Fastify from 'fastify'
import MiniSearch from 'minisearch'
import { type MiniDoc, MINISEARCH_OPTIONS } from './minisearch-common.js'

const { values } = parseArgs({ options: { index: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } })
if (!values.index) throw new Error('usage: minisearch-server --index <file> --port <n>')
const ms = MiniSearch.loadJSON<MiniDoc>(await readFile(values.index, 'utf8'), MINISEARCH_OPTIONS)

const app = Fastify({ logger: false, bodyLimit: 256 * 1024 })
app.get('/readyz', async () => ({ ready: true, documents: ms.documentCount }))
app.get<{ Querystring: { q?: string } }>('/api/search', async (req) => ({ results: ms.search(String(req.query.q ?? '')).slice(0, 10) }))
app.post<{ Body: { text?: string } }>('/api/match', async (req) => ({ results: ms.search(String(req.body?.text ?? '')).slice(0, 5) }))
await app.listen({ port: Number(values.port ?? 0), host: values.host })
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)))
