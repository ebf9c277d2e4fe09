/**
 * The innertube settings (`INNERTUBE_API_KEY`, client version, visitor data, hl) read from the watch page's own
 * inline `ytcfg.set({...})` script text, for when the page-world helper cannot hand over `ytcfg` (it is not
 * there, or the bridge is jammed). The isolated world cannot see page globals, but it can read script TEXT.
 *
 * Safe by construction: no eval — the object literal after `ytcfg.set(` is cut out by counting braces outside
 * strings and given to JSON.parse; a call whose argument is not JSON (YouTube has one with single-quoted
 * strings, see watch-page_web_2025-12 fixture) is skipped. Only four values are kept, each type- and
 * size-checked. Pure; never throws.
 */
import type { InnertubeConfig } from '../bridge/bridge-protocol';
import { matchingBrace } from '../captions/matching-brace';
import { isPlainRecord } from '../schema/plain-record';

const MARKER = 'ytcfg.set(';
/** YouTube's ytcfg scripts are a few hundred kB at most; anything bigger is not scanned. */
const MAX_SCRIPT_CHARS = 2_000_000;
const API_KEY = /^[A-Za-z0-9_-]{10,100}$/;
const CLIENT_VERSION = /^[0-9][0-9.]{0,49}$/;

export function readYtcfg(scriptTexts: Iterable<string>): InnertubeConfig | null {
  for (const text of scriptTexts) {
    if (text.length > MAX_SCRIPT_CHARS || !text.includes(MARKER)) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(MARKER, from);
      if (at === -1) break;
      from = at + MARKER.length;
      let open = from;
      while (text[open] === ' ') open++;
      if (text[open] !== '{') continue;
      const close = matchingBrace(text, open);
      if (close === -1) break;
      const config = pick(parseJson(text.slice(open, close + 1)));
      if (config) return config;
      from = close + 1;
    }
  }
  return null;
}

/** The texts of the document's inline scripts (external ones have no text to read). */
export function inlineScriptTexts(doc: Pick<Document, 'querySelectorAll'>): string[] {
  const texts: string[] = [];
  for (const script of doc.querySelectorAll('script:not([src])')) texts.push(script.textContent ?? '');
  return texts;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function pick(value: unknown): InnertubeConfig | null {
  if (!isPlainRecord(value)) return null;
  const cfg = value;
  const { INNERTUBE_API_KEY: apiKey, INNERTUBE_CLIENT_VERSION: clientVersion, HL: hl } = cfg;
  // Some pages carry the visitor id only inside INNERTUBE_CONTEXT (the 2025-06 fixture), others at the top too.
  const context = cfg.INNERTUBE_CONTEXT;
  const client = isPlainRecord(context) ? context.client : undefined;
  const visitorData = cfg.VISITOR_DATA ?? (isPlainRecord(client) ? client.visitorData : undefined);
  if (typeof apiKey !== 'string' || !API_KEY.test(apiKey)) return null;
  if (typeof clientVersion !== 'string' || !CLIENT_VERSION.test(clientVersion)) return null;
  return {
    apiKey,
    clientVersion,
    ...(typeof visitorData === 'string' && visitorData.length <= 2000 && /^[A-Za-z0-9%_=-]+$/.test(visitorData) ? { visitorData } : {}),
    ...(typeof hl === 'string' && /^[A-Za-z0-9-]{1,35}$/.test(hl) ? { hl } : {}),
  };
}
