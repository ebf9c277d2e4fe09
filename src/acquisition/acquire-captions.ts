/**
 * Runs the strategies in order until one delivers a body, each bounded by its own timeout (an ~8 s
 * stall, an empty 200, a bot check or an exception all move on). Every attempt is recorded.
 */
import type { CaptionSource } from '../captions/caption-track';
import type { AcquireRequest, AcquisitionStrategy, Attempt } from './acquisition-strategy';

export type AcquisitionResult =
  | { ok: true; body: string; source: CaptionSource; attempts: Attempt[] }
  | { ok: false; attempts: Attempt[] };

export class AcquisitionAborted extends Error {
  override name = 'AbortError';
}

export async function acquireCaptions(
  strategies: readonly AcquisitionStrategy[],
  request: AcquireRequest,
  options: { signal: AbortSignal; timeoutMs: number },
): Promise<AcquisitionResult> {
  const attempts: Attempt[] = [];
  for (const strategy of strategies) {
    if (options.signal.aborted) throw new AcquisitionAborted('session ended');
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = AbortSignal.any([options.signal, timeout]);
    // A strategy that ignores its signal still cannot hold the session: race it against the signal.
    const stopped = new Promise<'stopped'>((resolve) => {
      if (signal.aborted) resolve('stopped');
      signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    let result: Awaited<ReturnType<AcquisitionStrategy['acquire']>> | 'stopped';
    try {
      result = await Promise.race([strategy.acquire(request, signal), stopped]);
    } catch (error) {
      result = { ok: false, outcome: 'error', detail: error instanceof Error ? error.message : String(error) };
    }
    if (options.signal.aborted) throw new AcquisitionAborted('session ended');
    if (result === 'stopped') {
      attempts.push({ strategy: strategy.name, outcome: 'timeout', detail: `no result within ${Math.round(options.timeoutMs / 1000)} s` });
      continue;
    }
    if (result.ok) {
      attempts.push({ strategy: strategy.name, outcome: 'ok', detail: result.detail, ...(result.clients ? { clients: result.clients } : {}) });
      return { ok: true, body: result.body, source: strategy.name, attempts };
    }
    attempts.push({ strategy: strategy.name, outcome: result.outcome, detail: result.detail, ...(result.clients ? { clients: result.clients } : {}) });
  }
  return { ok: false, attempts };
}
