/**
 * The query worker, except that one search (`q` = KILL_QUERY) allocates until the worker runs out
 * of the heap the runner gives it: a query that kills its worker, on the real query path.
 */
import { SearchEngine } from '../../src/core/engine/engine.js'
import '../../src/runtime/query/worker.js'

/** The search that kills this worker (test/query.test.ts sends it; this module runs only in a worker). */
const KILL_QUERY = 'allocate until the worker dies'

const search = SearchEngine.prototype.search
SearchEngine.prototype.search = function (this: SearchEngine, q: string, opts) {
  if (q === KILL_QUERY) {
    const hog: number[][] = []
    for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length))
  }
  return search.call(this, q, opts)
} as typeof search
