/**
 * Caption track URLs. A `baseUrl` is signed (`sparams`, `signature`): its parameters must reach YouTube
 * byte for byte and in order, so this module edits the raw query string instead of re-serialising it with
 * URLSearchParams (which would re-encode `sparams=ip,ipbits` as `ip%2Cipbits`).
 */

const YOUTUBE_ORIGIN = 'https://www.youtube.com';
const TIMEDTEXT_PATH = '/api/timedtext';
/** A BCP 47-ish language tag as YouTube writes them (`en`, `zh-Hant`, `pt-BR`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export type CaptionUrlFormat = 'json3' | 'srv3' | 'srv1' | 'vtt';

export interface CaptionUrlOptions {
  fmt: CaptionUrlFormat;
  /** The player's proof-of-origin token; with it the URL also gets `potc=1` and `c=WEB`. */
  pot?: string;
  /**
   * Client identity params the player sends (`cver`, `cplayer`, …), set after `c`. A plain string is
   * shorthand for `{ c: value }`.
   */
  client?: Record<string, string> | string;
  /** YouTube's machine translation into this language (`tlang`, after `fmt`; unsigned, as the player adds it). */
  tlang?: string;
}

/** True for URLs the player gates behind a pot: `exp` contains `xpe` or `xpv` (as yt-dlp detects it). */
export function isPotGated(url: string): boolean {
  const exp = readParam(url, 'exp');
  return exp !== null && /xp[ev]/.test(exp);
}

/** The `pot` a player request carried, or null. Never throws. */
export function readPot(url: string): string | null {
  const pot = readParam(url, 'pot');
  return pot === null || pot === '' ? null : pot;
}

/** Only `https://www.youtube.com/api/timedtext` (relative URLs resolve against youtube.com). */
export function isYouTubeTimedTextUrl(url: string): boolean {
  return resolveTimedTextUrl(url) !== null;
}

/**
 * The video a timedtext URL is for: its one `v` parameter, or null (not a YouTube timedtext URL, no `v`, or more
 * than one — which YouTube would read one way and a check another). A URL is only ever fetched for the session's
 * video when this equals it.
 */
export function timedTextVideoId(url: string): string | null {
  const values = resolveTimedTextUrl(url)?.searchParams.getAll('v') ?? [];
  return values.length === 1 ? (values[0] as string) : null;
}

/**
 * The URL to request a track in `fmt`: `fmt` set (replaced in place if the baseUrl has one, e.g. ANDROID's
 * `&fmt=srv3`), `xosf` dropped, and with a pot the player's own tail (`potc=1&pot=…&c=WEB` + client
 * params). Every other parameter stays as it was. Throws for anything that is not a YouTube timedtext URL.
 */
export function buildCaptionUrl(baseUrl: string, opts: CaptionUrlOptions): string {
  const resolved = resolveTimedTextUrl(baseUrl);
  if (!resolved) throw new Error(`not a YouTube timedtext URL: ${baseUrl.slice(0, 100)}`);
  const query = resolved.search.startsWith('?') ? resolved.search.slice(1) : resolved.search;
  const params = query === '' ? [] : query.split('&').filter((part) => part !== '');

  const edits: [string, string | null][] = [['xosf', null]];
  if (opts.pot !== undefined) {
    if (opts.pot === '') throw new Error('empty pot');
    edits.push(['potc', '1'], ['pot', opts.pot]);
  }
  edits.push(['fmt', opts.fmt]);
  if (opts.tlang !== undefined) {
    if (!LANGUAGE_TAG.test(opts.tlang)) throw new Error(`not a language code: ${opts.tlang.slice(0, 20)}`);
    edits.push(['tlang', opts.tlang]);
  }
  if (opts.pot !== undefined) edits.push(['c', 'WEB']);
  const client = typeof opts.client === 'string' ? { c: opts.client } : (opts.client ?? {});
  for (const [key, value] of Object.entries(client)) edits.push([key, value]);

  let result = params;
  for (const [key, value] of edits) result = setParam(result, key, value);
  return `${YOUTUBE_ORIGIN}${TIMEDTEXT_PATH}?${result.join('&')}`;
}

/**
 * A ready caption URL (e.g. the page helper's, with its `pot`) asking for YouTube's machine translation into
 * `tlang`: only `tlang` is set, every other parameter keeps its bytes and order (the `pot` still applies:
 * it is bound to the video, not the language). Throws like `buildCaptionUrl`.
 */
export function withTranslationLanguage(url: string, tlang: string): string {
  const resolved = resolveTimedTextUrl(url);
  if (!resolved) throw new Error(`not a YouTube timedtext URL: ${url.slice(0, 100)}`);
  if (!LANGUAGE_TAG.test(tlang)) throw new Error(`not a language code: ${tlang.slice(0, 20)}`);
  const query = resolved.search.startsWith('?') ? resolved.search.slice(1) : resolved.search;
  const params = query === '' ? [] : query.split('&').filter((part) => part !== '');
  return `${YOUTUBE_ORIGIN}${TIMEDTEXT_PATH}?${setParam(params, 'tlang', tlang).join('&')}`;
}

/** Replace the first `key=` in place (dropping later duplicates), append if absent, delete when null. */
function setParam(params: string[], key: string, value: string | null): string[] {
  const encoded = value === null ? null : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  const out: string[] = [];
  let placed = false;
  for (const part of params) {
    if (paramName(part) !== key) out.push(part);
    else if (!placed && encoded !== null) {
      out.push(encoded);
      placed = true;
    }
  }
  if (!placed && encoded !== null) out.push(encoded);
  return out;
}

function resolveTimedTextUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url, YOUTUBE_ORIGIN);
  } catch {
    return null;
  }
  const ok =
    parsed.protocol === 'https:' &&
    parsed.hostname === 'www.youtube.com' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === TIMEDTEXT_PATH;
  return ok ? parsed : null;
}

/** First value of `name` in the URL's query, decoded; null if absent or the URL has no query. */
function readParam(url: string, name: string): string | null {
  const q = url.indexOf('?');
  if (q === -1) return null;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash === -1 ? url.length : hash);
  for (const part of query.split('&')) {
    if (paramName(part) !== name) continue;
    const eq = part.indexOf('=');
    return eq === -1 ? '' : safeDecode(part.slice(eq + 1));
  }
  return null;
}

function paramName(part: string): string {
  const eq = part.indexOf('=');
  return safeDecode(eq === -1 ? part : part.slice(0, eq));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
