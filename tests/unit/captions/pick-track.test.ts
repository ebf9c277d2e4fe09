import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaptionTrack } from '../../../src/captions/caption-track';
import { isMachineTranslated, toTrackRef } from '../../../src/captions/caption-track';
import { pickTrack, withEnglishTranslations } from '../../../src/captions/pick-track';
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
    // The lexicons are English (issue 8): a German reader still gets the video's English track mapped.
    ['de', '.en'],
    ['de-AT', '.en'],
    ['ja-JP', '.en'],
    ['zh', '.en'],
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
    ['English beats the preferred non-English language (the lexicons are English)', [t('de', true), t('en')], 'de', '.en'],
    ['ASR English beats uploaded German', [t('de'), t('en', true)], 'de', 'a.en'],
    ['no preferred, no English, nothing translatable → first track', [t('ko', true), t('ja')], 'fr', 'a.ko'],
    ['translations are never picked', [t('de', false, '&tlang=de'), t('en', true)], 'de', 'a.en'],
    ['only a translation → null', [t('de', false, '&tlang=de')], 'de', null],
    ['vssId a. counts as ASR without kind', [{ ...t('en'), vssId: 'a.en' }, t('en-US')], 'en', '.en-US'],
  ])('%s', (_name, tracks, preferred, vssId) => {
    expect(pickTrack(tracks, preferred)?.vssId ?? null).toBe(vssId);
  });
});

describe('English translation when the video has no English track (issue 8 point 6)', () => {
  const tr = (languageCode: string, asr = false): CaptionTrack => ({ ...t(languageCode, asr), translatesToEnglish: true });

  it.each<[string, CaptionTrack[], string, string | null]>([
    ['German only → its English translation', [tr('de')], 'en', '.de~tlang.en'],
    ['preferred language among several is the one translated', [tr('fr'), tr('de')], 'de', '.de~tlang.en'],
    ['no preferred match → the first track, translated', [tr('ko', true), tr('ja')], 'fr', 'a.ko~tlang.en'],
    ['uploaded over ASR before translating', [tr('de', true), tr('de')], 'de', '.de~tlang.en'],
    ['an English track beats any translation', [tr('de'), t('en', true)], 'de', 'a.en'],
    ['not translatable → the original as it is', [t('de')], 'de', '.de'],
  ])('%s', (_name, tracks, preferred, vssId) => {
    expect(pickTrack(tracks, preferred)?.vssId ?? null).toBe(vssId);
  });

  it('the translation asks for tlang=en on the source URL, in English, named as machine-translated', () => {
    const picked = pickTrack([tr('de', true)], 'de')!;
    expect(picked).toMatchObject({
      languageCode: 'en',
      kind: 'asr',
      name: 'de → English (machine-translated)',
      translation: { tlang: 'en', sourceVssId: 'a.de', sourceLanguageCode: 'de' },
    });
    expect(picked.baseUrl).toBe(tr('de', true).baseUrl);
    expect(isMachineTranslated(toTrackRef(picked))).toBe(true);
    expect(toTrackRef(picked)).toEqual({ languageCode: 'en', kind: 'asr', vssId: 'a.de~tlang.en', name: 'de → English (machine-translated)' });
  });

  it('withEnglishTranslations lists the originals plus a translation of each translatable one, only without English', () => {
    expect(withEnglishTranslations([tr('de'), t('ja'), tr('fr')]).map((x) => x.vssId)).toEqual(['.de', '.ja', '.fr', '.de~tlang.en', '.fr~tlang.en']);
    expect(withEnglishTranslations([tr('de'), t('en')]).map((x) => x.vssId)).toEqual(['.de', '.en']);
    // Re-listing is stable: translations already in the list are not translated again.
    const once = withEnglishTranslations([tr('de')]);
    expect(withEnglishTranslations(once).map((x) => x.vssId)).toEqual(['.de', '.de~tlang.en']);
  });

  it('the picker choice of a listed translation is the same track the rule would build', () => {
    const listed = withEnglishTranslations([tr('de')]);
    expect(listed.find((x) => x.vssId === pickTrack(listed, 'de')?.vssId)).toBeDefined();
  });
});

describe('readCaptionTracks: translatesToEnglish from translationLanguages', () => {
  const response = (translationLanguages: string[], tracks: { languageCode: string; isTranslatable?: boolean }[]) => ({
    videoDetails: { videoId: 'abcdefghijk' },
    captions: {
      playerCaptionsTracklistRenderer: {
        captionTracks: tracks.map((x) => ({ baseUrl: `https://www.youtube.com/api/timedtext?lang=${x.languageCode}`, vssId: `.${x.languageCode}`, name: { simpleText: x.languageCode }, ...x })),
        translationLanguages: translationLanguages.map((languageCode) => ({ languageCode, languageName: { simpleText: languageCode } })),
      },
    },
  });

  it('set on translatable non-English tracks when English is a target', () => {
    const tracks = tracksOf(response(['fr', 'en'], [{ languageCode: 'de', isTranslatable: true }, { languageCode: 'ja', isTranslatable: false }, { languageCode: 'en', isTranslatable: true }]));
    expect(tracks.map((x) => x.translatesToEnglish ?? false)).toEqual([true, false, false]);
  });

  it('absent when English is not among translationLanguages (real 16-language list)', () => {
    expect(tracksOf(response(['fr', 'de'], [{ languageCode: 'ja', isTranslatable: true }]))[0]!.translatesToEnglish).toBeUndefined();
    const real = tracksOf(JSON.parse(readFileSync('tests/fixtures/youtube/player_android_2025-12_eF8Qqp7rjDg.json', 'utf8')));
    expect(real.some((x) => x.translatesToEnglish)).toBe(false);
  });
});
