/**
 * Route schemas compiled when first used, or in the background once the server is ready, instead
 * of all while the app starts. Compiling every route's validators (Ajv) and response serializers
 * (fast-json-stringify) took about 300 ms of the main thread at start, on the path to ready once the
 * artifact's loading overlapped the rest. A schema that cannot compile fails its first request (a
 * 500, logged) rather than the start: test/schemas.test.ts compiles every one of them.
 */
import SerializerSelector from '@fastify/fast-json-stringify-compiler'
import type { FastifyInstance, FastifySchema, FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify'
import { setImmediate as nextTurn } from 'node:timers/promises'

type Validate = ReturnType<FastifySchemaCompiler<FastifySchema>>

/** The compilations not made yet: each made on first use, or by `compileAll`. */
export class DeferredSchemas {
  private readonly pending = new Set<() => void>()

  /** How many schemas are not compiled yet. */
  get size(): number {
    return this.pending.size
  }

  /** A validator compiler deferring `compile`; the validator keeps Ajv's `errors`, which Fastify reads after a failed check. */
  validators(compile: FastifySchemaCompiler<FastifySchema>): FastifySchemaCompiler<FastifySchema> {
    return (route) => {
      const made = this.defer(() => compile(route))
      const validate: Validate = (data: unknown) => made()(data)
      Object.defineProperty(validate, 'errors', { get: () => made().errors })
      return validate
    }
  }

  /**
   * A response serializer compiler deferring fast-json-stringify, Fastify's own (the compiler it
   * uses by default), given the app's shared schemas when the first one is compiled: by then
   * every schema is added.
   */
  serializers(app: FastifyInstance): FastifySerializerCompiler<FastifySchema> {
    let compiler: FastifySerializerCompiler<FastifySchema> | undefined
    const compilerOf = () => (compiler ??= SerializerSelector()(app.getSchemas(), {}) as FastifySerializerCompiler<FastifySchema>)
    return (route) => {
      const made = this.defer(() => compilerOf()(route))
      return (data) => made()(data)
    }
  }

  /** Compile what is still pending, one schema per turn of the event loop (requests go first); rejects with the first that failed, after trying all. */
  async compileAll(): Promise<void> {
    let failed: Error | undefined
    for (const compile of [...this.pending]) {
      try {
        compile()
      } catch (err) {
        failed ??= err as Error
      }
      await nextTurn()
    }
    if (failed) throw failed
  }

  private defer<F>(compile: () => F): () => F {
    let fn: F | undefined
    const made = (): F => {
      if (fn === undefined) {
        this.pending.delete(made) // one that fails is not tried again in the background; each request tries it (and fails)
        fn = compile()
      }
      return fn
    }
    this.pending.add(made)
    return made
  }
}
