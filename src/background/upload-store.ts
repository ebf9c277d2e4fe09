import { MessageError } from '../messaging/message-error';
import type { UploadChunkArgs } from '../messaging/protocol';
import { MAX_BODY_CHARS } from '../messaging/validate-message';

/**
 * Caption bodies arriving in pieces (cs-bg:uploadChunk) until a cs-bg:score takes them. Held by one scoring
 * service instance — a restarted worker holds none, and says so (`unknown-upload`) so the tab uploads again.
 *
 * Rules (each break drops the upload and answers `bad-upload`): index 0 opens an upload and fixes its count;
 * later chunks come in order (a repeat or a gap is refused); the total stays within MAX_BODY_CHARS. A chunk with
 * index > 0 for an upload this instance does not hold answers `unknown-upload` at once, so a sender whose worker
 * was replaced mid-upload learns it on its next chunk rather than after sending the rest.
 * Uploads are dropped when taken, or `ttlMs` after their last chunk (a tab that went away mid-upload).
 */
export interface UploadStoreOptions {
  /** Idle time after which a partial or untaken upload is dropped. */
  ttlMs?: number;
  /** Most uploads held at once (several tabs); opening one more drops the oldest. */
  maxUploads?: number;
  /** Timer hooks (tests pass fake ones); default: the global setTimeout / clearTimeout. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface UploadStore {
  /** Adds a chunk; answers how many chunks of the upload are held. Throws MessageError on a broken rule. */
  put(args: UploadChunkArgs): { received: number };
  /** The assembled body of a complete upload, which is dropped. Throws MessageError if unknown or incomplete. */
  take(uploadId: string): string;
  /** Ids held right now (for tests and logs). */
  ids(): string[];
  /** Drops everything (the service is going away). */
  clear(): void;
}

export const DEFAULT_UPLOAD_TTL_MS = 60_000;
export const DEFAULT_MAX_UPLOADS = 4;

interface Upload {
  count: number;
  chunks: string[];
  chars: number;
  timer: unknown;
}

export function unknownUpload(uploadId: string): MessageError {
  return new MessageError(`Upload ${uploadId} is not held by the background worker (it was restarted or the upload expired)`, 'unknown-upload');
}

export function createUploadStore(options: UploadStoreOptions = {}): UploadStore {
  const ttlMs = options.ttlMs ?? DEFAULT_UPLOAD_TTL_MS;
  const maxUploads = options.maxUploads ?? DEFAULT_MAX_UPLOADS;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  /** Insertion-ordered: the first entry is the oldest upload. */
  const uploads = new Map<string, Upload>();

  function drop(uploadId: string): void {
    const upload = uploads.get(uploadId);
    if (!upload) return;
    clearTimer(upload.timer);
    uploads.delete(uploadId);
  }

  function refuse(uploadId: string, why: string): never {
    drop(uploadId);
    throw new MessageError(`Upload ${uploadId} refused: ${why}`, 'bad-upload');
  }

  function touch(uploadId: string, upload: Upload): void {
    clearTimer(upload.timer);
    upload.timer = setTimer(() => uploads.delete(uploadId), ttlMs);
  }

  return {
    put({ uploadId, index, count, chunk }) {
      let upload = uploads.get(uploadId);
      if (index === 0) {
        if (upload) refuse(uploadId, 'chunk 0 sent twice');
        if (uploads.size >= maxUploads) drop(uploads.keys().next().value as string);
        upload = { count, chunks: [], chars: 0, timer: undefined };
        uploads.set(uploadId, upload);
      } else if (!upload) {
        throw unknownUpload(uploadId);
      }
      if (count !== upload.count) refuse(uploadId, `count ${count} differs from the upload's ${upload.count}`);
      if (index < upload.chunks.length) refuse(uploadId, `chunk ${index} sent twice`);
      if (index > upload.chunks.length) refuse(uploadId, `chunk ${index} arrived before chunk ${upload.chunks.length}`);
      if (upload.chars + chunk.length > MAX_BODY_CHARS) refuse(uploadId, `the body exceeds ${MAX_BODY_CHARS} characters`);
      upload.chunks.push(chunk);
      upload.chars += chunk.length;
      touch(uploadId, upload);
      return { received: upload.chunks.length };
    },

    take(uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload) throw unknownUpload(uploadId);
      if (upload.chunks.length !== upload.count) refuse(uploadId, `only ${upload.chunks.length} of ${upload.count} chunks arrived`);
      drop(uploadId);
      // One join: a surrogate pair split between chunks is whole again, as the same UTF-16 string it was sent from.
      return upload.chunks.join('');
    },

    ids: () => [...uploads.keys()],

    clear() {
      for (const id of [...uploads.keys()]) drop(id);
    },
  };
}
