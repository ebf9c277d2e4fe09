/**
 * What a fetched caption response is, without parsing it (parsing happens in the worker, DESIGN §2):
 * an empty 200 is the exp=xpe gate (YOUTUBE-FACTS §2), an HTML page is a consent/bot/error page.
 * Looks at the first characters only, so a 15 MB body costs nothing here.
 */
export type BodyKind = 'empty' | 'html' | 'captions';

export function classifyBody(body: string): BodyKind {
  const head = body.slice(0, 512).trimStart();
  if (head.length === 0 && body.trim().length === 0) return 'empty';
  if (/^<!doctype html|^<html[\s>]/i.test(head)) return 'html';
  return 'captions';
}
