import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCaptionTracks } from '../../../src/captions/player-response';
import { buildCaptionUrl, isPotGated, isYouTubeTimedTextUrl, readPot, withTranslationLanguage } from '../../../src/captions/track-url';
import { extractInitialPlayerResponse } from '../../../src/captions/watch-page';

function baseUrls(response: unknown): string[] {
  const listing = readCaptionTracks(response);
  if (listing.status !== 'ok') throw new Error(listing.status);
  return listing.tracks.map((track) => track.baseUrl);
}
const webUrls = baseUrls(extractInitialPlayerResponse(readFileSync('tests/fixtures/youtube/watch-page_web_2025-06_GJLlxj_dtq8.html', 'utf8')));
const androidUrls = baseUrls(JSON.parse(readFileSync('tests/fixtures/youtube/player_android_2025-06_GJLlxj_dtq8.json', 'utf8')));
const webAsr = webUrls.find((url) => url.includes('kind=asr'))!;
const androidAsr = androidUrls.find((url) => url.includes('kind=asr'))!;

const paramNames = (url: string) => new URL(url).search.slice(1).split('&').map((part) => part.split('=')[0]);
const rawParams = (url: string) => new URL(url).search.slice(1).split('&');

describe('isPotGated / readPot', () => {
  it('every WEB watch-page baseUrl is pot-gated, no ANDROID one is', () => {
    expect(webUrls).toHaveLength(9);
    expect(webUrls.every(isPotGated)).toBe(true);
    expect(androidUrls.some(isPotGated)).toBe(false);
  });

  it.each([
    ['https://www.youtube.com/api/timedtext?v=x&exp=xpe', true],
    ['https://www.youtube.com/api/timedtext?v=x&exp=xpv', true],
    ['https://www.youtube.com/api/timedtext?v=x&exp=abc%2Cxpe', true],
    ['https://www.youtube.com/api/timedtext?v=x&expire=123', false],
    ['https://www.youtube.com/api/timedtext?v=x', false],
    ['not a url', false],
  ])('isPotGated(%s) → %s', (url, gated) => {
    expect(isPotGated(url)).toBe(gated);
  });

  it.each([
    ['https://www.youtube.com/api/timedtext?v=x&potc=1&pot=Mn%2BAb_-9%3D&fmt=json3', 'Mn+Ab_-9='],
    ['/api/timedtext?pot=abc#frag', 'abc'],
    ['https://www.youtube.com/api/timedtext?v=x&pot=', null],
    ['https://www.youtube.com/api/timedtext?v=x&potc=1', null],
    ['%%%?pot=%E0%A4%A', '%E0%A4%A'],
    ['', null],
  ])('readPot(%s) → %s', (url, pot) => {
    expect(readPot(url)).toBe(pot);
  });
});

describe('buildCaptionUrl', () => {
  it('pot-gated WEB url: signed params untouched and in order, then the player tail', () => {
    const url = buildCaptionUrl(webAsr, { fmt: 'json3', pot: 'Mn+AbC/9=', client: { cver: '2.20250610.01.00', cplayer: 'UNIPLAYER' } });
    const before = rawParams(webAsr);
    const after = rawParams(url);
    expect(after.slice(0, before.length)).toEqual(before); // includes sparams=ip,ipbits,… un-re-encoded
    expect(after.slice(before.length)).toEqual(['potc=1', 'pot=Mn%2BAbC%2F9%3D', 'fmt=json3', 'c=WEB', 'cver=2.20250610.01.00', 'cplayer=UNIPLAYER']);
    expect(url).toContain('sparams=ip,ipbits,expire,v,ei,caps,opi,exp,xoaf');
    expect(readPot(url)).toBe('Mn+AbC/9=');
    expect(isYouTubeTimedTextUrl(url)).toBe(true);
  });

  it.each(['json3', 'srv3', 'srv1', 'vtt'] as const)('ANDROID url ending in fmt=srv3 → fmt=%s set in place, not appended', (fmt) => {
    expect(androidAsr.endsWith('&fmt=srv3')).toBe(true);
    const url = buildCaptionUrl(androidAsr, { fmt });
    expect(paramNames(url)).toEqual(paramNames(androidAsr));
    expect(new URL(url).searchParams.getAll('fmt')).toEqual([fmt]);
    expect(url.endsWith(`&fmt=${fmt}`)).toBe(true);
  });

  it.each([
    ['drops xosf and duplicate fmt', 'https://www.youtube.com/api/timedtext?v=a&fmt=srv3&xosf=1&lang=en&fmt=vtt', { fmt: 'json3' as const }, 'https://www.youtube.com/api/timedtext?v=a&fmt=json3&lang=en'],
    ['replaces an existing pot/c in place', 'https://www.youtube.com/api/timedtext?v=a&pot=old&c=ANDROID&lang=en', { fmt: 'json3' as const, pot: 'new' }, 'https://www.youtube.com/api/timedtext?v=a&pot=new&c=WEB&lang=en&potc=1&fmt=json3'],
    ['relative URL resolved against youtube.com', '/api/timedtext?v=a&lang=en', { fmt: 'srv1' as const }, 'https://www.youtube.com/api/timedtext?v=a&lang=en&fmt=srv1'],
    ['fragment dropped', 'https://www.youtube.com/api/timedtext?v=a#x', { fmt: 'vtt' as const }, 'https://www.youtube.com/api/timedtext?v=a&fmt=vtt'],
    ['client as a string sets c', 'https://www.youtube.com/api/timedtext?v=a', { fmt: 'json3' as const, pot: 'p', client: 'WEB_EMBEDDED_PLAYER' }, 'https://www.youtube.com/api/timedtext?v=a&potc=1&pot=p&fmt=json3&c=WEB_EMBEDDED_PLAYER'],
  ])('%s', (_name, base, opts, expected) => {
    expect(buildCaptionUrl(base, opts)).toBe(expected);
  });

  it.each([
    'https://evil.example/api/timedtext?v=a',
    'https://www.youtube.com.evil.example/api/timedtext?v=a',
    '//evil.example/api/timedtext?v=a',
    'http://www.youtube.com/api/timedtext?v=a',
    'https://www.youtube.com:8443/api/timedtext?v=a',
    'https://user:pw@www.youtube.com/api/timedtext?v=a',
    'https://www.youtube.com/watch?v=a',
    'https://www.youtube.com/api/timedtext/../../redirect?v=a',
    'javascript:alert(1)//www.youtube.com/api/timedtext',
    'data:text/plain,https://www.youtube.com/api/timedtext',
    'https://m.youtube.com/api/timedtext?v=a',
  ])('refuses %s', (url) => {
    expect(isYouTubeTimedTextUrl(url)).toBe(false);
    expect(() => buildCaptionUrl(url, { fmt: 'json3' })).toThrow(/not a YouTube timedtext URL/);
  });

  it('refuses an empty pot rather than sending pot=', () => {
    expect(() => buildCaptionUrl(webAsr, { fmt: 'json3', pot: '' })).toThrow(/empty pot/);
  });

  it('every real baseUrl is accepted', () => {
    for (const url of [...webUrls, ...androidUrls]) expect(isYouTubeTimedTextUrl(url)).toBe(true);
  });
});

describe('translation (tlang)', () => {
  const base = 'https://www.youtube.com/api/timedtext?v=abcdefghijk&exp=xpe&sparams=ip,ipbits,expire&signature=S&lang=de';

  it('buildCaptionUrl adds tlang after fmt and leaves the signed params as they were', () => {
    expect(buildCaptionUrl(base, { fmt: 'json3', pot: 'P', tlang: 'en' })).toBe(`${base}&potc=1&pot=P&fmt=json3&tlang=en&c=WEB`);
  });

  it('withTranslationLanguage sets only tlang (replacing one already there), keeping pot and order', () => {
    const ready = `${base}&potc=1&pot=P&fmt=json3&c=WEB`;
    expect(withTranslationLanguage(ready, 'en')).toBe(`${ready}&tlang=en`);
    expect(withTranslationLanguage(`${base}&tlang=fr&fmt=json3`, 'en')).toBe(`${base}&tlang=en&fmt=json3`);
  });

  it('refuses foreign hosts and anything that is not a language code', () => {
    expect(() => withTranslationLanguage('https://evil.example/api/timedtext?v=x', 'en')).toThrow();
    expect(() => withTranslationLanguage(base, 'en&pot=x')).toThrow();
    expect(() => buildCaptionUrl(base, { fmt: 'json3', tlang: '' })).toThrow();
  });
});
