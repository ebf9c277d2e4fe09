import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCaptionTracks, readVideoId } from '../../../src/captions/player-response';
import { extractInitialPlayerResponse } from '../../../src/captions/watch-page';

const json = (name: string): unknown => JSON.parse(readFileSync(`tests/fixtures/youtube/${name}`, 'utf8'));
const html = (name: string): string => readFileSync(`tests/fixtures/youtube/${name}`, 'utf8');

describe('readCaptionTracks on real player responses', () => {
  it.each([
    ['player_android_2025-06_GJLlxj_dtq8.json', 'GJLlxj_dtq8', ['.zh', '.cs', '.en', 'a.en', '.de', '.hi', '.ja', '.ko', '.es']],
    ['player_android_2025-06_manual-en-plus-asr-en.json', 'F1xioXWb8CY', ['.en', 'a.en']],
    ['player_android_2025-12_eF8Qqp7rjDg.json', 'eF8Qqp7rjDg', ['a.en']],
  ])('%s → ok, %s, tracks %j', (file, videoId, vssIds) => {
    const listing = readCaptionTracks(json(file));
    expect(listing.status).toBe('ok');
    if (listing.status !== 'ok') return;
    expect(listing.videoId).toBe(videoId);
    expect(listing.tracks.map((t) => t.vssId)).toEqual(vssIds);
    for (const track of listing.tracks) {
      expect(track.baseUrl).toMatch(/^https:\/\/www\.youtube\.com\/api\/timedtext\?/);
      expect(track.kind === 'asr').toBe(track.vssId.startsWith('a.'));
    }
  });

  it('normalises name.runs (ANDROID) and keeps kind/isTranslatable', () => {
    const listing = readCaptionTracks(json('player_android_2025-06_manual-en-plus-asr-en.json'));
    if (listing.status !== 'ok') throw new Error(listing.status);
    expect(listing.tracks.map(({ languageCode, kind, name, isTranslatable }) => ({ languageCode, kind, name, isTranslatable }))).toEqual([
      { languageCode: 'en', kind: undefined, name: 'English', isTranslatable: true },
      { languageCode: 'en', kind: 'asr', name: 'English (auto-generated)', isTranslatable: true },
    ]);
  });

  it('LOGIN_REQUIRED "not a bot" → bot-check with the reason', () => {
    expect(readCaptionTracks(json('player_android_2025-06_login-required-bot-check.json'))).toEqual({
      status: 'bot-check',
      videoId: null,
      reason: 'Sign in to confirm you\u2019re not a bot',
    });
  });

  it('a playable video without a captions key → no-captions', () => {
    expect(readCaptionTracks(json('player_android_2025-06_no-captions.json'))).toEqual({ status: 'no-captions', videoId: 'Fjg5lYqvzUs' });
  });

  const id = { videoDetails: { videoId: 'abcdefghijk' } };
  it.each([
    ['null', null, { status: 'unplayable', videoId: null, reason: 'no player response' }],
    ['a string', 'oops', { status: 'unplayable', videoId: null, reason: 'no player response' }],
    ['an array', [1, 2], { status: 'unplayable', videoId: null, reason: 'no player response' }],
    ['empty object', {}, { status: 'no-captions', videoId: null }],
    ['captionTracks not an array', { ...id, captions: { playerCaptionsTracklistRenderer: { captionTracks: 'x' } } }, { status: 'no-captions', videoId: 'abcdefghijk' }],
    ['only invalid tracks', { ...id, captions: { playerCaptionsTracklistRenderer: { captionTracks: [null, { baseUrl: 3 }, { baseUrl: 'u' }] } } }, { status: 'no-captions', videoId: 'abcdefghijk' }],
    ['age gate (LOGIN_REQUIRED, not a bot check)', { ...id, playabilityStatus: { status: 'LOGIN_REQUIRED', reason: 'Sign in to confirm your age' } }, { status: 'unplayable', videoId: 'abcdefghijk', reason: 'Sign in to confirm your age' }],
    ['ERROR with errorScreen runs', { playabilityStatus: { status: 'ERROR', errorScreen: { playerErrorMessageRenderer: { reason: { runs: [{ text: 'Video ' }, { text: 'unavailable' }] } } } } }, { status: 'unplayable', videoId: null, reason: 'Video unavailable' }],
    ['UNPLAYABLE without reason', { playabilityStatus: { status: 'UNPLAYABLE' } }, { status: 'unplayable', videoId: null, reason: 'UNPLAYABLE' }],
  ])('garbage / edge input: %s', (_name, input, expected) => {
    expect(readCaptionTracks(input)).toEqual(expected);
  });

  it('fills a missing vssId and name from the language', () => {
    const listing = readCaptionTracks({ captions: { playerCaptionsTracklistRenderer: { captionTracks: [
      { baseUrl: 'https://www.youtube.com/api/timedtext?v=x&lang=fr', languageCode: 'fr', kind: 'asr' },
      { baseUrl: 'https://www.youtube.com/api/timedtext?v=x&lang=de', languageCode: 'de', name: { simpleText: 'Deutsch' }, kind: 'weird' },
    ] } } });
    expect(listing).toMatchObject({ status: 'ok', tracks: [
      { languageCode: 'fr', kind: 'asr', vssId: 'a.fr', name: 'fr' },
      { languageCode: 'de', vssId: '.de', name: 'Deutsch' },
    ] });
    if (listing.status === 'ok') expect(listing.tracks[1]).not.toHaveProperty('kind');
  });

  it.each([
    [{ videoDetails: { videoId: 'GJLlxj_dtq8' } }, 'GJLlxj_dtq8'],
    [{ videoDetails: { videoId: 'short' } }, null],
    [{ videoDetails: { videoId: 42 } }, null],
    [{ videoDetails: null }, null],
    [undefined, null],
  ])('readVideoId(%j) → %s', (input, expected) => {
    expect(readVideoId(input)).toBe(expected);
  });
});

describe('extractInitialPlayerResponse on real watch pages', () => {
  it.each([
    ['watch-page_web_2025-06_GJLlxj_dtq8.html', 'GJLlxj_dtq8', 9, true],
    ['watch-page_web_2025-12_eF8Qqp7rjDg.html', 'eF8Qqp7rjDg', 1, true],
  ])('%s → %s with %i tracks, all pot-gated (simpleText names)', (file, videoId, count) => {
    const response = extractInitialPlayerResponse(html(file));
    const listing = readCaptionTracks(response);
    expect(listing.status).toBe('ok');
    if (listing.status !== 'ok') return;
    expect(listing.videoId).toBe(videoId);
    expect(listing.tracks).toHaveLength(count);
    expect(listing.tracks.every((t) => t.baseUrl.includes('exp=xpe'))).toBe(true);
    expect(listing.tracks.find((t) => t.vssId === 'a.en')?.name).toBe('English (auto-generated)');
  });

  it.each([
    ['no marker', '<html><body>hi</body></html>'],
    ['only a mention', "<script>x = window['ytInitialPlayerResponse'];</script>"],
    ['truncated object', '<script>var ytInitialPlayerResponse = {"a":{"b":"}"'],
    ['not JSON', '<script>var ytInitialPlayerResponse = {a: 1};</script>'],
  ])('%s → null', (_name, page) => {
    expect(extractInitialPlayerResponse(page)).toBeNull();
  });

  it('skips mentions, handles braces and escapes inside strings', () => {
    const page = `<script>a = window['ytInitialPlayerResponse'];</script><script>window["ytInitialPlayerResponse"] = {"t":"a } \\" {","n":{"m":[1]}};var x = {}</script>`;
    expect(extractInitialPlayerResponse(page)).toEqual({ t: 'a } " {', n: { m: [1] } });
  });
});
