/**
 * A thread for test/threads.test.ts, listening as the project's threads do (onParentMessage):
 * `busy` keeps it on one message for that many ms, then it answers; `hang` never returns;
 * `decode` keeps it decompressing brotli between turns of its event loop, as a query worker
 * reading article texts does; `background` lowers its priority (runInBackground) and answers what it got.
 */
import { parentPort } from 'node:worker_threads'
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib'
import { onParentMessage, runInBackground } from '../../src/threads.js'

type Message = { busy: number } | { hang: true } | { decode: true } | { background: true }

const text = brotliCompressSync(Buffer.from('error 0x80070005 access is denied '.repeat(200)))

onParentMessage((m: Message) => {
  if ('busy' in m) {
    const end = Date.now() + m.busy
    while (Date.now() < end);
    parentPort!.postMessage('done')
  } else if ('background' in m) {
    parentPort!.postMessage(runInBackground() ?? null)
  } else if ('hang' in m) {
    for (;;);
  } else {
    const step = (): void => {
      for (let i = 0; i < 20; i++) brotliDecompressSync(text)
      setImmediate(step)
    }
    step()
    parentPort!.postMessage('decoding')
  }
})
