/**
 * Every route's schemas are valid JSON Schema. The app's Ajv instances skip this check at start
 * (src/app.ts: compiling the meta-schema was 120-170 ms of each start), so it is made here, on
 * every part of every route the app registers, with admin routes and events on.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Ajv } from 'ajv'
import Fastify, { type FastifySchema } from 'fastify'
import { appPlugin, fastifyOptions } from '../src/app.js'
import { kbFrom } from './helpers/kb.js'

test('every route schema validates against the JSON Schema meta-schema', async () => {
  const app = Fastify(fastifyOptions(64 * 1024))
  const schemas: Array<{ where: string; schema: unknown }> = []
  app.addHook('onRoute', (route) => {
    const s = route.schema as (FastifySchema & { response?: Record<string, unknown> }) | undefined
    if (!s) return
    for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
      if (s[part]) schemas.push({ where: `${String(route.method)} ${route.url} ${part}`, schema: s[part] })
    }
    for (const [status, schema] of Object.entries(s.response ?? {})) schemas.push({ where: `${String(route.method)} ${route.url} response ${status}`, schema })
  })
  await app.register(appPlugin, { bodyLimit: 64 * 1024, adminToken: 'x'.repeat(32) })
  await app.ready()
  const ajv = new Ajv({ strict: false })
  // Shared schemas the routes point to by $ref.
  for (const s of Object.values(app.getSchemas())) ajv.addSchema(s as object)
  assert.ok(schemas.length >= 10, `only ${schemas.length} route schemas seen`)
  for (const { where, schema } of schemas) {
    assert.equal(ajv.validateSchema(schema as object), true, `${where}: ${ajv.errorsText(ajv.errors)}`)
  }
  // The check can fail: a schema of the wrong shape is refused.
  assert.equal(ajv.validateSchema({ type: 'object', properties: { text: { type: 'strin' } } }), false)
  await app.close()
})

test('route schemas are compiled on first use, or all at once by compileAll, and a validator still reports its errors', async () => {
  const app = Fastify(fastifyOptions(64 * 1024))
  await app.register(appPlugin, { kb: await kbFrom(), bodyLimit: 64 * 1024, adminToken: 'x'.repeat(32) })
  await app.ready()
  // Nothing compiled at start: every route's validators and serializers wait.
  const atStart = app.deferredSchemas.size
  assert.ok(atStart >= 20, `only ${atStart} schemas deferred`)
  // A request compiles what its route uses: the body's validator, whose errors make the 400's message.
  const bad = await app.inject({ method: 'POST', url: '/api/match', payload: { text: 5 } })
  assert.equal(bad.statusCode, 400)
  assert.deepEqual(bad.json<{ code: string; message: string }>(), {
    statusCode: 400,
    code: 'KB_INVALID_REQUEST',
    error: 'Bad Request',
    message: 'body/text must be string',
  })
  const afterOne = app.deferredSchemas.size
  assert.ok(afterOne < atStart, `${afterOne} still deferred after a request, of ${atStart}`)
  // A good request is answered through its (now compiled) response serializer.
  const good = await app.inject({ method: 'POST', url: '/api/match', payload: { text: 'HTTP Error 503. The service is unavailable.' } })
  assert.equal(good.statusCode, 200)
  assert.ok(Array.isArray(good.json<{ results: unknown[] }>().results))
  // The rest compile in the background once a server is ready; none fails.
  await app.deferredSchemas.compileAll()
  assert.equal(app.deferredSchemas.size, 0)
  await app.close()
})
