/**
 * Runs the strategies in order until one delivers a body, each bounded by its own timeout (an ~8 s
 * stall, an empty 200, a bot check or an exception all move on). Every attempt is recorded.
 *
 * The timeout is for a stall: it restarts whenever the strategy reports progress (an answer, a chunk of the body),
 * so a 12-hour transcript that keeps arriving on a busy machine is not cut and reported as missing. `maxMs`
 * (default 10 × timeoutMs) bounds a strategy however steadily it trickles.
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
  options: { signal: AbortSignal; timeoutMs: number; maxMs?: number },
): Promise<AcquisitionResult> {
  const attempts: Attempt[] = [];
  for (const strategy of strategies) {
    if (options.signal.aborted) throw new AcquisitionAborted('session ended');
    const stall = new AbortController();
    let timer = setTimeout(() => stall.abort(), options.timeoutMs);
    const progress = () => {
      clearTimeout(timer);
      if (!stall.signal.aborted) timer = setTimeout(() => stall.abort(), options.timeoutMs);
    };
    const signal = AbortSignal.any([options.signal, stall.signal, AbortSignal.timeout(options.maxMs ?? options.timeoutMs * 10)]);
    // A strategy that ignores its signal still cannot hold the session: race it against the signal.
    const stopped = new Promise<'stopped'>((resolve) => {
      if (signal.aborted) resolve('stopped');
      signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    let result: Awaited<ReturnType<AcquisitionStrategy['acquire']>> | 'stopped';
    try {
      result = await Promise.race([strategy.acquire(request, signal, progress), stopped]);
    } catch (error) {
      result = { ok: false, outcome: 'error', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
    if (options.signal.aborted) throw new AcquisitionAborted('session ended');
    if (result === 'stopped') {
      attempts.push({ strategy: strategy.name, outcome: 'timeout', detail: `no progress for ${Math.round(options.timeoutMs / 1000)} s` });
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
