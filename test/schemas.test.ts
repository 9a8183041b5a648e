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
