import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, MAX_CHUNK_CHARS, MAX_TRANSCRIPT_PAGE_CUES, MAX_UPLOAD_CHUNKS, PROTOCOL_TAG, validateAnswer, validateMessage } from '../../../src/messaging/validate-message';
import { BACKGROUND_MESSAGE_TYPES, TAB_MESSAGE_TYPES } from '../../../src/messaging/extension-messaging';

const track = { languageCode: 'en', kind: 'asr', vssId: 'a.en', name: 'English (auto-generated)' };
const score = { videoId: '4WNWeUQ7Hfc', track, source: 'player', body: '{"events":[]}', requestId: 'r1' };
const { body: _body, ...target } = score;
const byUpload = { ...target, uploadId: '0f8e6c1a-4b2d-4e7f-9a3c-5d6e7f809a1b' };
const chunk = { uploadId: 'u1', index: 0, count: 3, chunk: 'abc' };
const msg = (type: unknown, args: unknown) => ({ protocol: PROTOCOL_TAG, type, args });
const ALL = [...BACKGROUND_MESSAGE_TYPES, ...TAB_MESSAGE_TYPES];

describe('validateMessage', () => {
  it.each([
    ['cs-bg:lookup', { videoId: 'abc_-123XYZ', track }],
    ['cs-bg:score', score],
    ['cs-bg:score', { ...score, source: 'panel', track: { ...track, kind: 'uploaded', vssId: '.en' } }],
    ['cs-bg:score', byUpload],
    ['cs-bg:uploadChunk', chunk],
    ['cs-bg:uploadChunk', { ...chunk, index: 2 }],
    ['cs-bg:uploadChunk', { ...chunk, index: MAX_UPLOAD_CHUNKS - 1, count: MAX_UPLOAD_CHUNKS }],
    ['cs-bg:uploadChunk', { ...chunk, chunk: 'x'.repeat(MAX_CHUNK_CHARS) }],
    ['bg-cs:progress', { requestId: 'r1', phase: 'score', fraction: 0.5 }],
    ['cs-bg:transcript', { videoId: 'abc_-123XYZ', track, from: 0, count: 1000 }],
    ['cs-bg:transcript', { videoId: 'abc_-123XYZ', track, from: 99_000, count: MAX_TRANSCRIPT_PAGE_CUES }],
    ['ui-bg:clearCache', {}],
    ['ui-bg:cacheStats', {}],
    ['ui-cs:summary', {}],
    ['ui-cs:rescore', {}],
  ])('accepts a well-formed %s', (type, args) => {
    const result = validateMessage(msg(type, args), ALL);
    expect(result).toEqual({ ok: true, message: msg(type, args) });
  });

  it('hands on the received caption body as is (O(1): checked by type and length, never scanned)', () => {
    const raw = msg('cs-bg:score', score);
    const result = validateMessage(raw, ALL);
    expect(result.ok && result.message.args).toEqual(raw.args);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /not an object/],
    ['a string', 'cs-bg:lookup', /not an object/],
    ['an array', [1, 2], /not an object/],
    ['no protocol tag', { type: 'cs-bg:lookup', args: { videoId: 'abcdefghijk', track } }, /not a perspective-map message/],
    ['another protocol version', { protocol: 'perspective-map/0', type: 'ui-bg:cacheStats', args: {} }, /not a perspective-map/],
    ['an unknown type', msg('cs-bg:explode', {}), /Unknown message type "cs-bg:explode"/],
    ['a non-string type', msg(42, {}), /Unknown message type 42/],
    ['missing args', msg('ui-bg:cacheStats', undefined), /args: expected an object, got undefined/],
    ['extra args on an empty message', msg('ui-bg:clearCache', { all: true }), /args\.all: unexpected field "all"/],
    ['a missing video id', msg('cs-bg:lookup', { track }), /args\.videoId: missing/],
    ['a video id with separators', msg('cs-bg:lookup', { videoId: 'abcde|ghijk', track }), /not a valid video id/],
    ['a video id of 12 characters', msg('cs-bg:lookup', { videoId: 'abcdefghijkl', track }), /args\.videoId: not a valid video id/],
    ['an empty video id', msg('cs-bg:lookup', { videoId: '', track }), /args\.videoId: not a valid video id/],
    ['a track without kind', msg('cs-bg:lookup', { videoId: 'abcdefghijk', track: { ...track, kind: undefined } }), /args\.track\.kind/],
    ['a track of unknown kind', msg('cs-bg:lookup', { videoId: 'abcdefghijk', track: { ...track, kind: 'manual' } }), /args\.track\.kind: expected one of "asr" \| "uploaded", got "manual"/],
    ['a track as a string', msg('cs-bg:lookup', { videoId: 'abcdefghijk', track: 'a.en' }), /args\.track: expected an object/],
    ['a numeric body', msg('cs-bg:score', { ...score, body: 12 }), /args\.body: expected a string, got 12/],
    ['an empty body', msg('cs-bg:score', { ...score, body: '' }), /args\.body: is empty/],
    ['an unknown source', msg('cs-bg:score', { ...score, source: 'ytdl' }), /args\.source/],
    ['no request id', msg('cs-bg:score', { ...score, requestId: undefined }), /args\.requestId/],
    ['both a body and an upload id', msg('cs-bg:score', { ...byUpload, body: 'x' }), /either "body" or "uploadId" \(exactly one\)/],
    ['neither a body nor an upload id', msg('cs-bg:score', target), /either "body" or "uploadId"/],
    ['an upload id with separators', msg('cs-bg:score', { ...byUpload, uploadId: 'a/b' }), /not a valid upload id/],
    ['a chunk index equal to the count', msg('cs-bg:uploadChunk', { ...chunk, index: 3 }), /args\.index: 3 is not below count/],
    ['a negative chunk index', msg('cs-bg:uploadChunk', { ...chunk, index: -1 }), /args\.index: -1 is outside/],
    ['a fractional chunk index', msg('cs-bg:uploadChunk', { ...chunk, index: 0.5 }), /args\.index: expected an integer/],
    ['a count of 0', msg('cs-bg:uploadChunk', { ...chunk, count: 0 }), /args\.count: 0 is outside the allowed range \(at least 1\)/],
    ['more chunks than allowed', msg('cs-bg:uploadChunk', { ...chunk, count: MAX_UPLOAD_CHUNKS + 1 }), /args\.count: 65 is outside the allowed range \(at most 64\)/],
    ['an oversized chunk', msg('cs-bg:uploadChunk', { ...chunk, chunk: 'x'.repeat(MAX_CHUNK_CHARS + 1) }), /args\.chunk: too long \(2097153 characters; at most 2097152\)/],
    ['a chunk that is not a string', msg('cs-bg:uploadChunk', { ...chunk, chunk: ['a'] }), /args\.chunk: expected a string/],
    ['a chunk without an upload id', msg('cs-bg:uploadChunk', { ...chunk, uploadId: undefined }), /args\.uploadId/],
    ['a chunk with extra fields', msg('cs-bg:uploadChunk', { ...chunk, videoId: 'x' }), /args\.videoId: unexpected field "videoId"/],
    ['a fraction above 1', msg('bg-cs:progress', { requestId: 'r', phase: 'score', fraction: 1.5 }), /args\.fraction: 1\.5 is outside the allowed range \(at most 1\)/],
    ['a NaN fraction', msg('bg-cs:progress', { requestId: 'r', phase: 'score', fraction: NaN }), /args\.fraction: expected a number, got NaN/],
    ['an unknown phase', msg('bg-cs:progress', { requestId: 'r', phase: 'fetch', fraction: 0 }), /args\.phase/],
    ['a transcript page too big', msg('cs-bg:transcript', { videoId: 'abcdefghijk', track, from: 0, count: MAX_TRANSCRIPT_PAGE_CUES + 1 }), /args\.count: 2001 is outside the allowed range \(at most 2000\)/],
    ['a negative transcript start', msg('cs-bg:transcript', { videoId: 'abcdefghijk', track, from: -1, count: 10 }), /args\.from: -1 is outside the allowed range/],
    ['a fractional transcript start', msg('cs-bg:transcript', { videoId: 'abcdefghijk', track, from: 1.5, count: 10 }), /args\.from: expected an integer/],
    ['a transcript page without a track', msg('cs-bg:transcript', { videoId: 'abcdefghijk', from: 0, count: 10 }), /args\.track: missing/],
  ])('rejects %s with a clear error', (_name, raw, error) => {
    const result = validateMessage(raw, ALL);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });

  it('rejects a type this context does not handle', () => {
    const result = validateMessage(msg('ui-cs:summary', {}), BACKGROUND_MESSAGE_TYPES);
    expect(result).toEqual({ ok: false, error: 'Message type "ui-cs:summary" is not handled in this context' });
  });

  it('rejects a body over the cap by its length alone', () => {
    const body = 'x'.repeat(MAX_BODY_CHARS + 1);
    const started = performance.now();
    const result = validateMessage(msg('cs-bg:score', { ...score, body }), ALL);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/args\.body: too long \(67108865 characters; at most 67108864\)/);
    // Not a timing assertion of speed, only of scale: a scan of 64 M characters with a regex would be far slower.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('validateAnswer: transcript pages', () => {
  const cue = (i: number) => ({ text: `words of cue ${i}`, startMs: i * 1000, endMs: i * 1000 + 900, slice: 0, marks: [{ start: 0, end: 5, term: 'words', contribution: -0.5 }] });

  it('keeps the cues it checked instead of copying them (a 100,000-cue transcript is not allocated twice)', () => {
    const page = { total: 2, from: 0, cues: [cue(0), cue(1)] };
    const result = validateAnswer('cs-bg:transcript', { ok: true, value: page });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.cues[0]).toBe(page.cues[0]);
    expect(result.ok && result.value.cues[1]!.marks).toBe(page.cues[1]!.marks);
  });

  it.each([
    ['a cue without text', { ...cue(1), text: undefined }],
    ['a negative start', { ...cue(1), startMs: -1 }],
    ['a mark with a fractional end', { ...cue(1), marks: [{ start: 0, end: 1.5, term: 'x', contribution: 1 }] }],
    ['a mark without a contribution', { ...cue(1), marks: [{ start: 0, end: 1, term: 'x' }] }],
    ['a cue text over the cap', { ...cue(1), text: 'x'.repeat(10_001) }],
  ])('still rejects a page with %s, naming the cue', (_name, bad) => {
    const result = validateAnswer('cs-bg:transcript', { ok: true, value: { total: 2, from: 0, cues: [cue(0), bad] } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/Malformed answer to "cs-bg:transcript": answer\.value\.cues\[1\]/);
  });
});
