/**
 * What kind of YouTube page a URL is (YOUTUBE-FACTS §6). Only `/watch?v=` pages get a map; Shorts, embeds
 * and everything else (including the miniplayer, which keeps playing on a non-watch URL) get none. Pure.
 */
export type PageKind =
  | { kind: 'watch'; videoId: string }
  | { kind: 'shorts'; videoId: string | null }
  | { kind: 'embed'; videoId: string | null }
  | { kind: 'other' };

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export function classifyPage(href: string): PageKind {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'other' };
  }
  const id = (s: string | null | undefined) => (s && VIDEO_ID.test(s) ? s : null);
  if (url.pathname === '/watch') {
    const videoId = id(url.searchParams.get('v'));
    return videoId ? { kind: 'watch', videoId } : { kind: 'other' };
  }
  const [, first, second] = url.pathname.split('/');
  if (first === 'shorts') return { kind: 'shorts', videoId: id(second) };
  if (first === 'embed') return { kind: 'embed', videoId: id(second) };
  return { kind: 'other' };
}
