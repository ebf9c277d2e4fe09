/**
 * The main world's end of the bridge: accepts the FIRST handshake's nonce only, then serves requests
 * that carry it. Arguments are schema-checked before a handler sees them; a handler's failure becomes
 * an error answer. Nothing here throws into the page.
 */
import { BRIDGE_CHANNEL, type BridgeEnvelope, type BridgeErrorCode, type BridgeOp, type BridgeOps } from './bridge-protocol';
import { isOwnMessage, type BridgeWindow } from './bridge-window';
import { isPlainRecord } from '../schema/plain-record';
import { isVideoId } from '../schema/video-id';
import { parseEnvelope, validateOpArgs } from './validate-bridge-message';

/** Thrown by a handler to answer a failure with a code (anything else a handler throws answers `failed`). */
export class BridgeFailure extends Error {
  override name = 'BridgeFailure';
  constructor(readonly code: BridgeErrorCode) {
    super(code);
  }
}

export type BridgeHandlers = {
  [K in BridgeOp]: (args: BridgeOps[K]['args']) => Promise<BridgeOps[K]['value']>;
};

export function startBridgeServer(win: BridgeWindow, handlers: BridgeHandlers): { stop(): void } {
  let nonce: string | null = null;
  const post = (envelope: BridgeEnvelope) => {
    try {
      win.postMessage(JSON.stringify(envelope), win.location.origin);
    } catch {
      // e.g. a value that cannot be serialised: the client times out and moves on.
    }
  };

  const serve = async (id: string, op: BridgeOp, rawArgs: unknown, sessionNonce: string) => {
    const args = validateOpArgs(op, rawArgs);
    const fail = (videoId: string, error: BridgeErrorCode) => post({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce: sessionNonce, id, ok: false, videoId, error });
    if (!args) {
      // A failure must name its video (the client checks it like a value); without a valid one there is nothing to
      // answer, and the client times out on its own bound.
      const videoId = isPlainRecord(rawArgs) ? rawArgs.videoId : undefined;
      return isVideoId(videoId) ? fail(videoId, 'invalid-arguments') : undefined;
    }
    try {
      const handler = handlers[op] as (a: typeof args) => Promise<unknown>;
      const value = await handler(args);
      post({ ch: BRIDGE_CHANNEL, kind: 'answer', nonce: sessionNonce, id, ok: true, value });
    } catch (error) {
      fail(args.videoId, error instanceof BridgeFailure ? error.code : 'failed');
    }
  };

  const onMessage = (event: MessageEvent) => {
    try {
      if (!isOwnMessage(win, event)) return;
      const env = parseEnvelope(event.data);
      if (!env) return;
      if (env.kind === 'handshake') {
        if (nonce === null) nonce = env.nonce;
        if (env.nonce === nonce) post({ ch: BRIDGE_CHANNEL, kind: 'ack', nonce });
        return;
      }
      if (env.kind === 'request' && nonce !== null && env.nonce === nonce) void serve(env.id, env.op, env.args, nonce);
    } catch {
      // never throw into the page
    }
  };
  win.addEventListener('message', onMessage);
  post({ ch: BRIDGE_CHANNEL, kind: 'ready' });
  return { stop: () => win.removeEventListener('message', onMessage) };
}
