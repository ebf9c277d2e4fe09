/**
 * Fetches a caption body from a timedtext URL, in the isolated world (its `fetch` is not the page's,
 * so other extensions' fetch patches do not see or alter it). The URL is re-validated first: whatever
 * produced it (the page world included) cannot make the extension fetch another host, nor captions of another
 * video than `videoId` (they would be mapped and cached as this one).
 */
import { isYouTubeTimedTextUrl, timedTextVideoId } from '../captions/track-url';
import type { StrategyResult } from './acquisition-strategy';
import { classifyBody } from './classify-body';

type FetchAnswer = Pick<Response, 'status' | 'text'> & { body?: ReadableStream<Uint8Array> | null };
export type FetchLike = (input: string, init?: RequestInit) => Promise<FetchAnswer>;

/**
 * `progress` is called when the answer comes and at every chunk of the body after it, so the strategy's timeout
 * (a stall) does not cut a 12-hour transcript that is still arriving.
 */
export async function fetchCaptionBody(fetchFn: FetchLike, url: string, videoId: string, signal: AbortSignal, progress?: () => void): Promise<StrategyResult> {
  if (!isYouTubeTimedTextUrl(url)) return { ok: false, outcome: 'refused', detail: 'not a YouTube timedtext URL' };
  if (timedTextVideoId(url) !== videoId) return { ok: false, outcome: 'refused', detail: 'the caption URL is for another video' };
  let response: FetchAnswer;
  let body: string;
  try {
    response = await fetchFn(url, { signal, credentials: 'same-origin' });
    if (response.status !== 200) return { ok: false, outcome: 'http-error', detail: `HTTP ${response.status}` };
    progress?.();
    body = response.body ? await readStream(response.body, progress) : await response.text();
  } catch (error) {
    if (signal.aborted) return { ok: false, outcome: 'timeout', detail: 'no answer in time' };
    return { ok: false, outcome: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
  const kind = classifyBody(body);
  if (kind === 'empty') return { ok: false, outcome: 'empty', detail: 'HTTP 200 with an empty body' };
  if (kind === 'html') return { ok: false, outcome: 'html', detail: 'an HTML page instead of captions' };
  return { ok: true, body, detail: `${body.length} characters` };
}

async function readStream(stream: ReadableStream<Uint8Array>, progress?: () => void): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    progress?.();
  }
  parts.push(decoder.decode());
  return parts.join('');
}
