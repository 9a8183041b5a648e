/**
 * The deployment examples in examples/ (none can be run here: no systemd session, no container
 * runtime, no cluster), checked for what can go wrong without running them: every YAML file
 * parses, the probes and health checks name routes the app has, the settings they set are ones
 * the configuration accepts, the grace periods outlast the server's drain, and the KB repository
 * template lints clean and calls only commands kb has. The CLI runs from the bundle
 * (`npm run -s build:server` first; npm test does).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { parseAllDocuments } from 'yaml'
import { loadArticles } from '../src/build/content/load.js'
import { loadConfig } from '../src/config.js'
import { NODE_FLAGS } from '../src/runtime/memory.js'
import { appFor, REPO } from './helpers/kb.js'
import { CLI } from './helpers/server.js'

const EXAMPLES = path.join(REPO, 'examples')

/** Every file below examples/, relative to it (dot folders such as .github included). */
async function exampleFiles(): Promise<string[]> {
  return (await readdir(EXAMPLES, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(EXAMPLES, path.join(e.parentPath, e.name)))
}

interface Container {
  env?: Array<{ name: string; value?: string }>
  readinessProbe?: { httpGet?: { path: string } }
  livenessProbe?: { httpGet?: { path: string } }
  startupProbe?: { httpGet?: { path: string } }
}

/** The YAML documents of an example file, failing on any parse error. */
async function yamlDocs(rel: string): Promise<unknown[]> {
  const docs = parseAllDocuments(await readFile(path.join(EXAMPLES, rel), 'utf8'))
  return (Array.isArray(docs) ? docs : [docs]).map((d) => {
    assert.deepEqual(
      d.errors.map((e) => e.message),
      [],
      rel,
    )
    return d.toJS() as unknown
  })
}

describe('examples/', () => {
  let app: FastifyInstance
  before(async () => {
    app = await appFor()
    await app.ready()
  })
  after(() => app.close())

  /** True when GET `url` reaches a route (anything but the JSON 404 of an unknown route). */
  const isRoute = async (url: string) => {
    const res = await app.inject({ method: 'GET', url })
    return !(res.statusCode === 404 && (res.json() as { code?: string }).code === 'KB_ROUTE_NOT_FOUND')
  }

  it('every YAML file parses', async () => {
    const files = (await exampleFiles()).filter((f) => /\.ya?ml$/.test(f))
    assert.ok(files.length >= 6, files.join(', '))
    for (const f of files) assert.ok((await yamlDocs(f)).length >= 1, f)
  })

  it('Kubernetes: the probes are routes, the env is a valid configuration, the grace period outlasts the drain, the artifact is read-only', async () => {
    const [deployment] = (await yamlDocs('kubernetes/deployment.yaml')) as Array<{
      spec: { template: { spec: { terminationGracePeriodSeconds: number; containers: Container[]; volumes: Array<{ name: string }> } } }
    }>
    const pod = deployment!.spec.template.spec
    const [c] = pod.containers
    assert.equal(c!.readinessProbe?.httpGet?.path, '/readyz')
    assert.equal(c!.livenessProbe?.httpGet?.path, '/healthz')
    for (const probe of [c!.readinessProbe, c!.livenessProbe, c!.startupProbe]) assert.ok(await isRoute(probe!.httpGet!.path), probe!.httpGet!.path)
    const env = Object.fromEntries((c!.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value]))
    const config = loadConfig(env)
    assert.ok(pod.terminationGracePeriodSeconds * 1000 > config.KB_SHUTDOWN_TIMEOUT_MS + config.KB_SHUTDOWN_DELAY_MS)
    const mounts = (c as { volumeMounts: Array<{ name: string; mountPath: string; readOnly?: boolean }> }).volumeMounts
    const artifact = mounts.find((m) => config.KB_INDEX.startsWith(`${m.mountPath}/`))
    assert.equal(artifact?.readOnly, true, 'KB_INDEX is not on a read-only mount')
    const [service] = (await yamlDocs('kubernetes/service.yaml')) as Array<{ spec: { ports: Array<{ targetPort: string }> } }>
    assert.equal(service!.spec.ports[0]!.targetPort, 'http')
  })

  it("Containerfile: non-root, SIGTERM, a health check on a route, settings the configuration accepts, the server's V8 flags", async () => {
    const text = await readFile(path.join(EXAMPLES, 'container', 'Containerfile'), 'utf8')
    // node runs as PID 1 there, not through the bin's first line: its ENTRYPOINT spells NODE_FLAGS out.
    const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(text)
    assert.deepEqual(JSON.parse(entrypoint![1]!), ['node', ...NODE_FLAGS, 'build/bundle/main.js'])
    assert.match(text, /^FROM docker\.io\/library\/node:20-slim\b/m)
    assert.match(text, /npm ci --omit=dev/)
    assert.match(text, /^USER node$/m)
    assert.match(text, /^STOPSIGNAL SIGTERM$/m)
    const health = /^HEALTHCHECK [\s\S]*?'\/healthz'/m.exec(text)
    assert.ok(health && (await isRoute('/healthz')))
    const env = Object.fromEntries([...text.matchAll(/^\s*(?:ENV )?([A-Z_]+)=(\S+?)(?: \\)?$/gm)].map((m) => [m[1], m[2]]))
    assert.equal(env.KB_INDEX, '/srv/kb/kb-index.bin')
    loadConfig(env)
  })

  it('systemd: a dedicated user, restart, reload by SIGHUP, a stop timeout above the drain', async () => {
    const text = await readFile(path.join(EXAMPLES, 'systemd', 'kb.service'), 'utf8')
    const value = (key: string) => [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!)
    assert.equal(value('User')[0], 'kb')
    assert.equal(value('Restart')[0], 'on-failure')
    assert.equal(value('ExecReload')[0], '/bin/kill -HUP $MAINPID')
    const env = Object.fromEntries(value('Environment').map((e) => e.split('=', 2) as [string, string]))
    const config = loadConfig(env)
    assert.ok(config.KB_INDEX.startsWith('/'))
    assert.ok(Number(value('TimeoutStopSec')[0]) * 1000 > config.KB_SHUTDOWN_TIMEOUT_MS)
  })

  it('the KB repository template lints clean, and its workflows call only commands kb has', async () => {
    const template = path.join(EXAMPLES, 'kb-repo-template')
    const { articles, problems } = await loadArticles(path.join(template, 'articles'))
    assert.ok(articles.length >= 2)
    assert.deepEqual(problems, [])
    // The template's workflows and examples/ci's, which are copied into such a repository: kb is its
    // dependency there, run with npx (the repository has no `kb` script for `npm run kb`).
    const files = (await exampleFiles()).filter((f) => f.startsWith(path.join('kb-repo-template', '.github', 'workflows')) || f.startsWith(`ci${path.sep}`))
    assert.ok(files.length >= 4, files.join(', '))
    const commands = new Set<string>()
    for (const f of files) {
      const [workflow] = (await yamlDocs(f)) as Array<{ jobs: Record<string, { steps: Array<{ run?: string }> }> }>
      for (const job of Object.values(workflow!.jobs))
        for (const step of job.steps) {
          assert.doesNotMatch(step.run ?? '', /npm run\s+(?:-s\s+)?kb\b/, `${f}: ${step.run}`)
          for (const m of (step.run ?? '').matchAll(/\bnpx kb ([a-z][a-z-]*)/g)) commands.add(m[1]!)
        }
    }
    assert.ok(commands.has('lint') && commands.has('build') && commands.has('report'), [...commands].join(', '))
    for (const command of commands) {
      const help = spawnSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8', timeout: 30_000 })
      assert.equal(help.status, 0, `kb ${command}: ${help.stderr}`)
    }
  })
})
