import type { IncomingMessage } from 'node:http';

/**
 * Every request the replica answered, in arrival order. The extension cannot mark its own requests, so tests tell
 * them apart by URL: the replica player's caption requests carry the player tail (`cplayer=UNIPLAYER`, `xorb=2`,
 * `c=WEB`, …) and happen when captions are turned on; anything else under /api/timedtext came from elsewhere.
 * Use `at` (Date.now()) or `seq` to restrict to a window of the test.
 */
export interface LoggedRequest {
  seq: number;
  /** Date.now() when the request arrived. */
  at: number;
  method: string;
  /** As the browser addressed it (replica path on the public origin, e.g. https://www.youtube.com/api/timedtext?...). */
  url: string;
  pathname: string;
  params: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** For `POST /youtubei/v1/player`: the `context.client.clientName` asked for. */
  client?: string;
  /** Filled when the response finishes. */
  status?: number;
  contentLength?: number;
}

export interface RequestLog {
  readonly entries: readonly LoggedRequest[];
  /** Requests to /api/timedtext (optionally only those after `sinceSeq`). */
  timedtext(sinceSeq?: number): LoggedRequest[];
  /** The replica player's own timedtext requests: they carry the player tail marker. */
  playerTimedtext(sinceSeq?: number): LoggedRequest[];
  /** Timedtext requests without the player's marker (e.g. the extension's direct fetches). */
  foreignTimedtext(sinceSeq?: number): LoggedRequest[];
  /** Sequence number of the latest request (0 when none): take it before an action, filter after. */
  mark(): number;
  clear(): void;
  record(req: IncomingMessage, origin: string): LoggedRequest;
  complete(entry: LoggedRequest, status: number, contentLength: number): void;
}

export function isPlayerTimedtext(entry: LoggedRequest): boolean {
  const p = entry.params;
  return entry.pathname === '/api/timedtext' && p.get('cplayer') === 'UNIPLAYER' && p.get('xorb') === '2' && p.get('xobt') === '3' && p.has('cbrver');
}

export function createRequestLog(): RequestLog {
  const entries: LoggedRequest[] = [];
  let seq = 0;
  const after = (sinceSeq = 0) => entries.filter((e) => e.seq > sinceSeq);
  return {
    entries,
    timedtext: (s) => after(s).filter((e) => e.pathname === '/api/timedtext'),
    playerTimedtext: (s) => after(s).filter(isPlayerTimedtext),
    foreignTimedtext: (s) => after(s).filter((e) => e.pathname === '/api/timedtext' && !isPlayerTimedtext(e)),
    mark: () => seq,
    clear: () => {
      entries.length = 0;
    },
    record(req, origin) {
      const url = new URL(req.url ?? '/', origin);
      const entry: LoggedRequest = { seq: ++seq, at: Date.now(), method: req.method ?? 'GET', url: url.href, pathname: url.pathname, params: url.searchParams, headers: { ...req.headers } };
      entries.push(entry);
      return entry;
    },
    complete(entry, status, contentLength) {
      entry.status = status;
      entry.contentLength = contentLength;
    },
  };
}
