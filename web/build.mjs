#!/usr/bin/env node
/**
 * Build the browser side into build/public/ (served by src/http/routes/web.ts):
 *   widget.js  the <kb-search> custom element, one minified self-contained file
 *   app.js     the hosted page's script     app.css   its style     index.html   its markup
 *   insights.js, insights.css, insights.html   the insights dashboard (/insights)
 * Then print each file's size, raw and gzipped (`node web/size.mjs` prints them again).
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { build, transform } from 'esbuild'
import { printSizes } from './size.mjs'

const here = import.meta.dirname
const out = path.join(here, '..', 'build', 'public')
await mkdir(out, { recursive: true })

const targets = ['es2022', 'chrome100', 'firefox100', 'safari16.4']

/** `import css from './x.css'` gives the file's text, minified (the widget adopts it as a stylesheet). */
const cssText = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true, target: targets.slice(1) })
      return { contents: code.trim(), loader: 'text' }
    })
  },
}

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: targets,
  platform: 'browser',
  plugins: [cssText],
  legalComments: 'eof',
  logLevel: 'warning',
}
await Promise.all([
  build({ ...common, entryPoints: [path.join(here, 'src', 'widget.ts')], outfile: path.join(out, 'widget.js') }),
  build({ ...common, entryPoints: [path.join(here, 'src', 'page.ts')], outfile: path.join(out, 'app.js') }),
  build({ ...common, entryPoints: [path.join(here, 'src', 'insights.ts')], outfile: path.join(out, 'insights.js') }),
  ...['app', 'insights'].map((name) =>
    build({
      ...common,
      format: undefined,
      plugins: [],
      target: targets.slice(1),
      entryPoints: [path.join(here, 'page', `${name}.css`)],
      outfile: path.join(out, `${name}.css`),
    }),
  ),
  copyFile(path.join(here, 'page', 'index.html'), path.join(out, 'index.html')),
  copyFile(path.join(here, 'page', 'insights.html'), path.join(out, 'insights.html')),
])
await printSizes(out)
