import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaptionTrack } from '../../../src/captions/caption-track';
import { pickTrack } from '../../../src/captions/pick-track';
import { readCaptionTracks } from '../../../src/captions/player-response';
import { extractInitialPlayerResponse } from '../../../src/captions/watch-page';

function tracksOf(response: unknown): CaptionTrack[] {
  const listing = readCaptionTracks(response);
  if (listing.status !== 'ok') throw new Error(listing.status);
  return listing.tracks;
}
const manualPlusAsr = tracksOf(JSON.parse(readFileSync('tests/fixtures/youtube/player_android_2025-06_manual-en-plus-asr-en.json', 'utf8')));
const nineTracks = tracksOf(extractInitialPlayerResponse(readFileSync('tests/fixtures/youtube/watch-page_web_2025-06_GJLlxj_dtq8.html', 'utf8')));

const t = (languageCode: string, asr = false, extra = ''): CaptionTrack => ({
  baseUrl: `https://www.youtube.com/api/timedtext?v=abcdefghijk&lang=${languageCode}${extra}`,
  languageCode,
  vssId: `${asr ? 'a' : ''}.${languageCode}`,
  name: languageCode,
  ...(asr ? { kind: 'asr' as const } : {}),
});

describe('pickTrack on real track lists', () => {
  it.each([
    ['en', '.en'],
    ['en-US', '.en'],
    ['EN-gb', '.en'],
    ['fr', '.en'], // no French: English, uploaded over ASR
    ['', '.en'],
  ])('manual en + asr en, preferred %j → %s', (preferred, vssId) => {
    expect(pickTrack(manualPlusAsr, preferred)?.vssId).toBe(vssId);
  });

  it.each([
    ['de', '.de'],
    ['de-AT', '.de'],
    ['ja-JP', '.ja'],
    ['zh', '.zh'],
    ['en', '.en'],
    ['pt-BR', '.en'],
  ])('9-track watch page, preferred %j → %s', (preferred, vssId) => {
    expect(pickTrack(nineTracks, preferred)?.vssId).toBe(vssId);
  });

  it('only ASR English left → the ASR track', () => {
    expect(pickTrack(manualPlusAsr.filter((x) => x.kind === 'asr'), 'en')?.vssId).toBe('a.en');
  });
});

describe('pickTrack rules', () => {
  it.each<[string, CaptionTrack[], string, string | null]>([
    ['empty list', [], 'en', null],
    ['exact beats primary within uploaded', [t('en-GB'), t('en-US')], 'en-US', '.en-US'],
    ['en matches en-US', [t('fr'), t('en-US')], 'en', '.en-US'],
    ['en-GB matches en', [t('fr'), t('en')], 'en-GB', '.en'],
    ['uploaded primary beats ASR exact', [t('en-US', true), t('en')], 'en-US', '.en'],
    ['ASR of the preferred language beats uploaded English', [t('en'), t('de', true)], 'de', 'a.de'],
    ['no preferred, no English → first track', [t('ko', true), t('ja')], 'fr', 'a.ko'],
    ['translations are never picked', [t('de', false, '&tlang=de'), t('en', true)], 'de', 'a.en'],
    ['only a translation → null', [t('de', false, '&tlang=de')], 'de', null],
    ['vssId a. counts as ASR without kind', [{ ...t('en'), vssId: 'a.en' }, t('en-US')], 'en', '.en-US'],
  ])('%s', (_name, tracks, preferred, vssId) => {
    expect(pickTrack(tracks, preferred)?.vssId ?? null).toBe(vssId);
  });
});
