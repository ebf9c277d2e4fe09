// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/acquisition/acquisition-strategy';
import { collectDiagnostics } from '../../../src/content/collect-diagnostics';
import { browserLabel, formatDiagnostics, type Diagnostics } from '../../../src/youtube-page/diagnostics';
import { diagnosticsText } from '../../../src/youtube-page/diagnostics-schema';

/**
 * The diagnostics text goes into public bug reports: it must carry no URL (caption URLs hold `ip`, signatures and
 * tokens), no title and no text from the page — only names we chose. The page and the attempts below are full of
 * such things; the text must come out with none of them.
 */
const TITLE = 'Zyxwv Quokka Secret Title';
const DESCRIPTION = 'Plover marmalade description with https://example.org/private';
const CAPTION = 'caption line about albatross';
const CAPTION_URL =
  'https://www.youtube.com/api/timedtext?v=GJLlxj_dtq8&ei=abc&caps=asr&opi=112496729&exp=xpe&xoaf=5&hl=en&ip=203.0.113.9&ipbits=0&expire=1764000000&sparams=ip,ipbits,expire,v,ei,caps,opi,exp,xoaf&signature=ABCDEF0123456789.FEDCBA&key=yt8&lang=en&potc=1&pot=MnQTokenTokenToken123==&c=WEB';
const VISITOR = 'CgtSZXBsaWNhVmlzaXQ';

function youtubeLikePage(): void {
  document.title = `${TITLE} - YouTube`;
  const preview = document.createElement('ytd-video-preview');
  preview.id = 'video-preview';
  preview.textContent = 'Preview of Nightjar Other Video';
  const flexy = document.createElement('ytd-watch-flexy');
  flexy.setAttribute('video-id', 'GJLlxj_dtq8');
  flexy.setAttribute('theater', '');
  const player = document.createElement('div');
  player.id = 'movie_player';
  player.className = 'html5-video-player ytp-delhi-modern';
  player.setAttribute('aria-label', TITLE);
  const video = document.createElement('video');
  video.className = 'html5-main-video';
  video.src = CAPTION_URL;
  const caption = document.createElement('span');
  caption.className = 'ytp-caption-segment';
  caption.textContent = CAPTION;
  const host = document.createElement('div');
  host.className = 'ytChapteredProgressBarHost';
  host.style.display = 'none';
  player.append(video, caption, host);
  const below = document.createElement('div');
  below.id = 'below';
  const meta = document.createElement('ytd-watch-metadata');
  meta.textContent = `${TITLE} ${DESCRIPTION}`;
  below.append(meta);
  flexy.append(player, below);
  document.body.append(preview, flexy);
}

const attempts: Attempt[] = [
  { strategy: 'player', outcome: 'empty', detail: `empty 200 from ${CAPTION_URL}` },
  {
    strategy: 'direct',
    outcome: 'bot-check',
    detail: `ANDROID: bot-check — Sign in to confirm you’re not a bot; visitor ${VISITOR}`,
    clients: [
      { client: 'ANDROID', outcome: 'bot-check', detail: 'Sign in to confirm you’re not a bot' },
      { client: 'ANDROID_VR', outcome: 'bot-check', detail: `${TITLE} ${CAPTION_URL}` },
    ],
  },
  { strategy: 'panel', outcome: 'unavailable', detail: `no rows for ${TITLE}`, line: CAPTION },
];

const context = () => ({
  doc: document,
  href: 'https://www.youtube.com/watch?v=GJLlxj_dtq8&t=42s&list=PLsecretPlaylist',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7390.54 Safari/537.36',
  extensionVersion: '0.1.0',
});

afterEach(() => {
  document.body.replaceChildren();
  document.title = '';
});

describe('diagnostics for bug reports', () => {
  it('names the version, browser, layout flags, candidates and every strategy and client with its outcome', () => {
    youtubeLikePage();
    const text = diagnosticsText(
      collectDiagnostics(context(), { state: 'unavailable', attempts, attachment: { place: 'below', progressBar: null, progressBarStatus: 'no-bar' }, missing: ['progress-bar', 'captions'] }),
    );
    expect(text).toContain('extension: 0.1.0');
    expect(text).toContain('browser: Chrome 156');
    expect(text).toContain('page: watch, panel state: unavailable');
    expect(text).toContain('not found: progress-bar, captions');
    expect(text).toMatch(/theater=yes .*delhiModern=yes .*hoverPreview=yes/);
    expect(text).toContain('progress bars: chaptered-host:hidden line-host:absent classic-bar:absent');
    expect(text).toContain('places: below:visible');
    expect(text).toContain('strategies: player=empty; direct=bot-check [ANDROID=bot-check, ANDROID_VR=bot-check]; panel=unavailable');
  });

  it('contains no URL, token, title or page text — whatever the page and the attempts carry', () => {
    youtubeLikePage();
    const record = collectDiagnostics(context(), { state: 'unavailable', attempts, attachment: { place: 'below', progressBar: 'classic-bar', progressBarStatus: 'attached' }, missing: ['captions'] });
    const text = formatDiagnostics(record);
    // The content script formats its own record without parsing: the schema would have accepted it as it is.
    expect(diagnosticsText(record)).toBe(text);
    expect(text).not.toMatch(/https?:|\/\/|www\.|youtube\.com|example\.org/i);
    expect(text).not.toMatch(/timedtext|signature|sparams|\bpot\b|potc|\bip=|203\.0\.113|expire=|key=|visitor/i);
    expect(text).not.toContain('GJLlxj_dtq8');
    expect(text).not.toContain('PLsecretPlaylist');
    expect(text).not.toContain(VISITOR);
    expect(text).not.toContain('MnQToken');
    expect(text).not.toContain('ABCDEF0123456789');
    for (const word of ['Zyxwv', 'Quokka', 'Plover', 'marmalade', 'albatross', 'Nightjar', 'Sign in', 'bot\u2019']) expect(text).not.toContain(word);
    // Every word is ours: our labels, the schema's names, numbers.
    const vocabulary = new Set(
      'perspective map for youtube diagnostics extension browser chrome page watch panel state unavailable not found captions layout flags placed places strip progress bars strategies player empty direct bot-check panel android android_vr below secondary last-resort chaptered-host line-host classic-bar visible hidden absent preview-only nowhere nothing yes no watchpage playerroot video theater fullscreen twocolumns delhimodern chapters miniplayer hoverpreview adshowing ok unavailable off attached'.split(' '),
    );
    const words = text.toLowerCase().match(/[a-z_][a-z_-]*/g) ?? [];
    expect(words.filter((w) => !vocabulary.has(w))).toEqual([]);
  });

  it('refuses free text in the record and drops fields it does not know', () => {
    youtubeLikePage();
    const record = collectDiagnostics(context(), { state: 'ready', attempts: [], attachment: null, missing: ['panel-place'] });
    expect(() => diagnosticsText({ ...record, browser: `Chrome 156 ${TITLE}` })).toThrow();
    expect(() => diagnosticsText({ ...record, extensionVersion: CAPTION_URL })).toThrow();
    expect(() => diagnosticsText({ ...record, attempts: [{ strategy: 'player', outcome: TITLE }] })).toThrow();
    const smuggled = { ...record, title: TITLE, url: CAPTION_URL, attempts: [{ strategy: 'direct', outcome: 'empty', detail: CAPTION_URL }] } as unknown as Diagnostics;
    const text = diagnosticsText(smuggled);
    expect(text).not.toContain(TITLE);
    expect(text).not.toContain('timedtext');
    expect(text).toContain('not found: panel-place');
  });

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7390.54 Safari/537.36', 'Chrome 156'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0', 'Edge 141'],
    ['curl/8.0 (my secret machine name)', 'unknown'],
  ])('browser label: %s → %s', (ua, label) => expect(browserLabel(ua)).toBe(label));
});
