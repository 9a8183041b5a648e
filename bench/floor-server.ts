/**
 * The floor of the HTTP stack: a minimal Fastify server (logger off) whose routes return a
 * constant JSON, with the same paths and request shapes as the real service. What it costs is
 * what any answer costs before search or matching does any work.
 *
 *   node build/bench/floor-server.js --port <n> [--host 127.0.0.1]
 */
import { parseArgs } from 'node:util'
import Fastify from 'fastify'

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } })
const SEARCH = {
  total: 1,
  syntax: 'lunr',
  results: [{ id: 'constant', title: 'A constant answer', score: 1, snippet: '', products: [], tags: [], matchedTerms: [] }],
}
const MATCH = { noConfidentMatch: true, signals: { errorCodes: [], terms: [], errorLines: [] }, results: [] }

const app = Fastify({ logger: false, bodyLimit: 256 * 1024 })
app.get('/readyz', async () => ({ ready: true }))
app.get('/api/search', async () => SEARCH)
app.post('/api/match', async () => MATCH)
await app.listen({ port: Number(values.port ?? 0), host: values.host })
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)))
