/**
 * The isolated world's end of the bridge: generates the per-page nonce, hands it to the main world,
 * and sends requests whose answers are accepted only when nonce, request id, op schema and video id
 * all match (see README.md for the threat model).
 */
import { BRIDGE_CHANNEL, BRIDGE_ERROR_TEXT, type BridgeEnvelope, type BridgeErrorCode, type BridgeOp, type BridgeOps } from './bridge-protocol';
import { isOwnMessage, type BridgeWindow } from './bridge-window';
import { parseEnvelope, validateOpValue } from './validate-bridge-message';

export interface BridgeClient {
  readonly nonce: string;
  /** Rejects on timeout, abort, an error answer; never resolves with unvalidated data. */
  request<K extends BridgeOp>(
    op: K,
    args: BridgeOps[K]['args'],
    options: { signal: AbortSignal; timeoutMs: number },
  ): Promise<BridgeOps[K]['value']>;
}

interface Pending {
  op: BridgeOp;
  videoId: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class BridgeTimeoutError extends Error {
  override name = 'BridgeTimeoutError';
}

/** The main world answered that it could not do it; the message is our own sentence for the code, never page text. */
export class BridgeFailureError extends Error {
  override name = 'BridgeFailureError';
  constructor(readonly code: BridgeErrorCode) {
    super(BRIDGE_ERROR_TEXT[code]);
  }
}

export function createBridgeClient(
  win: BridgeWindow,
  options: {
    signal: AbortSignal;
    newToken?: () => string;
    /**
     * How long a request waits for the main world's handshake ack before giving up (default: the request's own
     * timeout). Both scripts start at document_start, so a missing ack after a few seconds means the helper is
     * not there (or the bridge is jammed): the caller falls back at once instead of waiting out a long bound.
     */
    handshakeMs?: number;
  },
): BridgeClient {
  const newToken = options.newToken ?? (() => crypto.randomUUID());
  const nonce = newToken();
  const pending = new Map<string, Pending>();
  let acked = false;
  const ackWaiters = new Set<() => void>();

  const post = (envelope: BridgeEnvelope) => win.postMessage(JSON.stringify(envelope), win.location.origin);
  const sendHandshake = () => post({ ch: BRIDGE_CHANNEL, kind: 'handshake', nonce });

  const onMessage = (event: MessageEvent) => {
    try {
      if (!isOwnMessage(win, event)) return;
      const env = parseEnvelope(event.data);
      if (!env) return;
      if (env.kind === 'ready') {
        // The main world (re)started listening after our first handshake went out: send the same nonce again.
        if (!acked) sendHandshake();
        return;
      }
      if (env.kind === 'ack') {
        if (env.nonce !== nonce || acked) return;
        acked = true;
        for (const wake of ackWaiters) wake();
        ackWaiters.clear();
        return;
      }
      if (env.kind !== 'answer' || env.nonce !== nonce) return;
      const waiting = pending.get(env.id);
      if (!waiting) return;
      // A failure is held to the same rules as a value: schema (a known code, checked by parseEnvelope) and video.
      // Otherwise a page script that read the nonce and id could fail any request.
      if (!env.ok) {
        if (env.videoId !== waiting.videoId) return;
        pending.delete(env.id);
        waiting.reject(new BridgeFailureError(env.error));
        return;
      }
      const value = validateOpValue(waiting.op, env.value);
      // A malformed or foreign answer (another video, a URL for another video) is ignored: the real one may still
      // come; otherwise the timeout fires.
      if (!value || value.videoId !== waiting.videoId) return;
      pending.delete(env.id);
      waiting.resolve(value);
    } catch {
      // Hostile input must never break the content script.
    }
  };
  win.addEventListener('message', onMessage);
  options.signal.addEventListener(
    'abort',
    () => {
      win.removeEventListener('message', onMessage);
      for (const p of pending.values()) p.reject(new Error('bridge closed'));
      pending.clear();
    },
    { once: true },
  );
  sendHandshake();

  const waitForAck = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (acked) return resolve();
      const wake = () => resolve();
      ackWaiters.add(wake);
      signal.addEventListener('abort', () => {
        ackWaiters.delete(wake);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      }, { once: true });
    });

  return {
    nonce,
    async request(op, args, { signal, timeoutMs }) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const both = AbortSignal.any([signal, timeout, options.signal]);
      if (!acked) {
        const ackTimeout = AbortSignal.timeout(Math.min(timeoutMs, options.handshakeMs ?? timeoutMs));
        const untilAck = AbortSignal.any([both, ackTimeout]);
        try {
          await waitForAck(untilAck);
        } catch {
          throw (timeout.aborted || ackTimeout.aborted) && !signal.aborted && !options.signal.aborted
            ? new BridgeTimeoutError(`page helper did not answer (${op}, no handshake)`)
            : new Error('aborted');
        }
      }
      const id = newToken();
      return new Promise((resolve, reject) => {
        const finish = () => {
          pending.delete(id);
          reject(timeout.aborted && !signal.aborted ? new BridgeTimeoutError(`page helper did not answer (${op})`) : new Error('aborted'));
        };
        if (both.aborted) return finish();
        both.addEventListener('abort', finish, { once: true });
        pending.set(id, {
          op,
          videoId: args.videoId,
          resolve: (v) => {
            both.removeEventListener('abort', finish);
            resolve(v as BridgeOps[typeof op]['value']);
          },
          reject: (e) => {
            both.removeEventListener('abort', finish);
            reject(e);
          },
        });
        post({ ch: BRIDGE_CHANNEL, kind: 'request', nonce, id, op, args });
      });
    },
  };
}
