/**
 * The watch page's side of talking to the background worker: how a caption body gets there, and what happens
 * when the worker is not there any more.
 *
 * - A body of UPLOAD_CHUNK_CHARS or more goes in chunks (cs-bg:uploadChunk), yielding to the page between them,
 *   then one cs-bg:score names the upload. One 15 MB message would be serialised in a single ~150 ms task on
 *   YouTube's page; a 1 Mi-character chunk costs about a tenth of that.
 * - MV3 stops service workers at will, also mid-job. When a request fails because the worker went away (the
 *   channel closed, nobody listening, or the new worker does not hold our upload), the whole request — upload and
 *   score — is sent once more: the next message starts a fresh worker. A second such failure ends in
 *   WORKER_STOPPED_MESSAGE (the panel's error view has a Retry button). Other failures (a malformed caption body)
 *   are never retried. The session's AbortSignal stops an upload between chunks.
 */
import { MessageError } from '../messaging/message-error';
import type { ContentScriptRequestType } from '../messaging/message-directions';
import type { MapAnswer, MessageAnswer, MessageArgs, ScoreTarget } from '../messaging/protocol';

/** Chunk size (UTF-16 code units): half the protocol's MAX_CHUNK_CHARS. */
export const UPLOAD_CHUNK_CHARS = 1024 * 1024;

export const WORKER_STOPPED_MESSAGE = "The extension's background worker stopped while scoring. Retry.";
export const WORKER_SILENT_MESSAGE = "The extension's background worker stopped answering. Retry.";

export type SendToBackground = <K extends ContentScriptRequestType>(type: K, args: MessageArgs<K>) => Promise<MessageAnswer<K>>;

export interface BackgroundClientDeps {
  send: SendToBackground;
  newUploadId(): string;
  /** Gives the page's event loop a turn between chunks (scheduler.yield where present, else a 0 ms timeout). */
  yieldToEvents(): Promise<void>;
  chunkChars?: number;
  log?: Pick<Console, 'warn'>;
}

export interface BackgroundClient {
  lookup(args: MessageArgs<'cs-bg:lookup'>, signal?: AbortSignal): Promise<MapAnswer | null>;
  score(args: ScoreTarget & { body: string }, signal?: AbortSignal): Promise<MapAnswer>;
}

/** The failure after the one automatic retry: the worker went away twice. */
export class WorkerStoppedError extends Error {
  override name = 'WorkerStoppedError';
}

/** Failures that mean "the worker that had this request is gone": worth sending the whole request again. */
export function isWorkerGone(error: unknown): boolean {
  return error instanceof MessageError && (error.code === 'receiver-gone' || error.code === 'no-answer' || error.code === 'unknown-upload');
}

export function createBackgroundClient(deps: BackgroundClientDeps): BackgroundClient {
  const chunkChars = deps.chunkChars ?? UPLOAD_CHUNK_CHARS;
  const log = deps.log ?? console;

  async function onceMore<T>(what: string, attempt: () => Promise<T>, signal: AbortSignal | undefined, finalMessage: string): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!isWorkerGone(error) || signal?.aborted) throw error;
      log.warn(`[perspective-map] the background worker went away while ${what} (${(error as Error).message}); sending it once more`);
    }
    try {
      return await attempt();
    } catch (error) {
      if (!isWorkerGone(error) || signal?.aborted) throw error;
      throw new WorkerStoppedError(finalMessage, { cause: error });
    }
  }

  async function scoreOnce({ body, ...target }: ScoreTarget & { body: string }, signal: AbortSignal | undefined): Promise<MapAnswer> {
    if (body.length < chunkChars) return deps.send('cs-bg:score', { ...target, body });
    const uploadId = deps.newUploadId();
    const count = Math.ceil(body.length / chunkChars);
    for (let index = 0; index < count; index++) {
      if (index > 0) await deps.yieldToEvents();
      signal?.throwIfAborted();
      // Plain UTF-16 slicing: a surrogate pair cut here is rejoined by the worker's join, the same JS string.
      const chunk = body.slice(index * chunkChars, (index + 1) * chunkChars);
      await deps.send('cs-bg:uploadChunk', { uploadId, index, count, chunk });
    }
    signal?.throwIfAborted();
    return deps.send('cs-bg:score', { ...target, uploadId });
  }

  return {
    lookup: (args, signal) => onceMore('looking up the map', () => deps.send('cs-bg:lookup', args), signal, WORKER_SILENT_MESSAGE),
    score: (args, signal) => onceMore('scoring', () => scoreOnce(args, signal), signal, WORKER_STOPPED_MESSAGE),
  };
}
