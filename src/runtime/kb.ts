/**
 * The loaded knowledge base a server answers from: the artifact plus the matcher prepared for
 * it. Held behind one reference so a new artifact can replace it in one assignment.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import {
  type BuildStore,
  type LoadedArtifact,
  type OffThreadOptions,
  readArtifact,
  readArtifactOffThread,
  type SharedArtifact,
} from '../build/artifact/artifact.js'
import { Matcher } from '../core/match/match.js'

/** A loaded, ready-to-query KB. */
export interface KnowledgeBase {
  artifact: LoadedArtifact
  matcher: Matcher
}

/** Prepare a loaded artifact for serving. */
export function openKnowledgeBase(artifact: LoadedArtifact): KnowledgeBase {
  return { artifact, matcher: new Matcher(artifact) }
}

/** Read an artifact file and prepare it for serving; throws ArtifactError with a rebuild hint. */
export async function loadKnowledgeBase(file: string): Promise<KnowledgeBase> {
  return openKnowledgeBase(await readArtifact(file))
}

/** A server's index being loaded: its shared memory once checked (for the query workers), and the KB this thread opens from it. */
export interface IndexLoading {
  /** The store, once its article sections are read (not yet checked): the first query worker opens the articles from it meanwhile. */
  stored: Promise<BuildStore>
  checked: Promise<SharedArtifact>
  kb: Promise<KnowledgeBase>
}

/**
 * Start loading the artifact a server is to serve (loadKnowledgeBaseOffThread, the checksum taken on
 * this thread, idle then): on two cores the loader thread's work overlaps with the server's setup.
 * `checked` resolves once the loader's shared memory is checked, before this thread has opened it,
 * so the query workers open it at the same time as this thread. A failure is left for whoever awaits
 * the promises (both reject with it).
 */
export function startLoadingIndex(file: string): IndexLoading {
  let onChecked: (shared: SharedArtifact) => void = () => undefined
  let onFailed: (err: unknown) => void = () => undefined
  const checked = new Promise<SharedArtifact>((resolve, reject) => ((onChecked = resolve), (onFailed = reject)))
  checked.catch(() => undefined) // awaited by the server, where a failure is thrown
  let onStored: (stored: BuildStore) => void = () => undefined
  const stored = new Promise<BuildStore>((resolve) => (onStored = resolve)) // never settles when the load fails first: nothing to open
  const kb = loadKnowledgeBaseOffThread(file, { checksumHere: true, onChecked, onStored: (s, buildId) => onStored({ ...s, buildId }) })
  // A load that fails before its check fails `checked` too; after it, `checked` stays resolved.
  kb.catch(onFailed)
  return { stored, checked, kb }
}

/**
 * `loadKnowledgeBase` for a server that is serving: the artifact is read, checked and parsed in a
 * thread of its own (artifact.ts), and the matcher is prepared in a turn of the event loop of its own.
 * `checksumHere`: this thread takes the checksum meanwhile (at start, when it has little else to do).
 */
export async function loadKnowledgeBaseOffThread(file: string, options: OffThreadOptions = {}): Promise<KnowledgeBase> {
  const artifact = await readArtifactOffThread(file, options)
  await nextTurn()
  return openKnowledgeBase(artifact)
}
