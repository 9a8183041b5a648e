#!/usr/bin/env node
/** Print the size of each built browser file, raw and gzipped (level 9, as a CDN would). */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const FILES = ['widget.js', 'app.js', 'app.css', 'index.html', 'insights.js', 'insights.css', 'insights.html']

export async function printSizes(dir) {
  for (const f of FILES) {
    const bytes = await readFile(path.join(dir, f))
    const gz = gzipSync(bytes, { level: 9 }).length
    const kb = (n) => `${(n / 1024).toFixed(1)} KiB`
    process.stdout.write(`${`build/public/${f}`.padEnd(28)} ${kb(bytes.length).padStart(10)}  ${kb(gz).padStart(9)} gzipped (${gz} bytes)\n`)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await printSizes(path.join(import.meta.dirname, '..', 'build', 'public')).catch((err) => {
    process.stderr.write(`${err.message}\nRun npm run build:web first.\n`)
    process.exit(1)
  })
}
