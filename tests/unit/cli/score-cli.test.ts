import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScoreArgs, UsageError } from '../../../src/cli/parse-score-args';
import { guessCaptionKind, runScore, videoIdFromPath } from '../../../src/cli/run-score';
import { leaningLine } from '../../../src/panel/headline-text';
import { MACHINE_TRANSLATED_REASON } from '../../../src/scoring/confidence';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';

const SEED = 'tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3';
const dir = mkdtempSync(join(tmpdir(), 'score-cli-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const shortVtt = write('talk.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nthe benefits could be enormous\n\n00:00:03.000 --> 00:00:05.000\nbut the risk of misuse is real\n');
const truncated = write('broken.json3', '{"events": [{"tStartMs": 0, "segs": [{"utf8": "hel');
const badLexicon = write('bad-lexicon.json', JSON.stringify({ id: 'mine', name: 'Mine', version: '1', kind: 'spectrum', entries: [{ pattern: 'Doom', weight: -2 }] }));
const notJson = write('not-json.json', '{ id: ');
const goodLexicon = write('good-lexicon.json', JSON.stringify({ id: 'mine', name: 'Mine', version: '1', description: '', kind: 'spectrum', entries: [{ pattern: 'enormous', weight: 4, concept: 'scale' }] }));

/** Runs the real command, as a user or an outside test would. */
function cli(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/cli/score.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same entry in-process (fast), with captured output. */
function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runScore(args, { readFile: (p) => readFileSync(p, 'utf8'), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('score CLI (spawned)', () => {
  it('scores the seed episode as one JSON object matching DESIGN §9', () => {
    const { code, stdout, stderr } = cli(SEED, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const map = JSON.parse(stdout);
    expect(map.videoId).toBe('4WNWeUQ7Hfc');
    expect(map.captionSegments).toBe(3261);
    expect(map.slices).toHaveLength(107);
    expect(Object.keys(map.slices[0])).toEqual(expect.arrayContaining(['index', 'firstCue', 'lastCue', 'startMs', 'endMs', 'words', 'score', 'band', 'terms']));
    expect(map.headline).toMatchObject({ leaning: 'mixed', lens: 'Technical', evidenceMode: 'interview', confidence: 'medium' });
    expect(map.lexicons.map((l: { id: string }) => l.id)).toEqual([
      'ai-risk', 'ai-opportunity', 'societal-harm', 'governance-safety', 'lens-technical', 'lens-governance', 'lens-societal', 'lens-economic', 'ai-stance',
    ]);
  }, 60_000);

  it.each([
    [['missing.json3'], /^score: cannot read missing\.json3 \(ENOENT\)\n$/],
    [[truncated], /^score: .*broken\.json3: malformed caption body \(json3\)/],
    [[SEED, '--lexicon-file', badLexicon], /^score: .*bad-lexicon\.json: invalid lexicon: entries\[0\]\.pattern/],
    [[SEED, '--lexicons', 'ai-risk,no-such-lexicon'], /^score: unknown lexicon id: no-such-lexicon/],
  ])('bad input %j → one stderr line, exit 2, no stack trace', (args, message) => {
    const { code, stdout, stderr } = cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('score CLI (in-process)', () => {
  it('prints the seed-style text summary', () => {
    const { code, stdout } = run(SEED);
    expect(code).toBe(0);
    expect(stdout).toContain('Across 107 full-transcript segments: median ');
    expect(stdout).toMatch(/Mixed leaning, primarily in the Technical lens\. Evidence mode: interview\. Confidence: medium\./);
    expect(stdout).toMatch(/Emphasizes (alignment|safety)/);
    expect(stdout).toContain('3,261 caption segments.');
  });

  it('leads the leaning with the stance, in the words of the panel and the popup', () => {
    const { stdout } = run(SEED);
    const map = JSON.parse(run(SEED, '--format=json').stdout) as PerspectiveMap;
    const stance = String(Math.round(map.headline.stance) + 0);
    // The panel's second line (src/panel/headline-text.ts leaningLine), word for word.
    expect(stdout).toContain(`\nStance ${stance}: Mixed leaning, primarily in the Technical lens. Evidence mode: interview. Confidence: medium.`);
    expect(stdout).toContain(leaningLine(map.headline));
    expect(stdout).toMatch(/^About AI: [\d.]+ AI mentions per hour · 105 of 107 slices on topic\.$/m);
    expect(stdout.match(/Stance /g)).toHaveLength(1);
  });

  it('prints one result per file and a summary table for several files', () => {
    const { code, stdout } = run(SEED, shortVtt);
    expect(code).toBe(0);
    expect(stdout.match(/^Across /gm)).toHaveLength(2);
    expect(stdout).toMatch(/^file\s+slices\s+median\s+mean/m);
    expect(stdout).toMatch(/talk\.vtt\s+2\s/);
  });

  it('prints an array for several files in JSON', () => {
    const maps = JSON.parse(run(SEED, shortVtt, '--format=json').stdout);
    expect(maps).toHaveLength(2);
    expect(maps[1].captionSegments).toBe(2);
  });

  it('prints one CSV row per slice with the contract header', () => {
    const lines = run(SEED, '--format', 'csv').stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('index,startMs,endMs,score,band,topTerms');
    expect(lines).toHaveLength(108);
    expect(lines[1]).toMatch(/^0,\d+,\d+,-?\d+,(risk-forward|mixed|opportunity-forward),/);
  });

  it('--lexicons replaces the set and --lexicon-file adds to it', () => {
    const only = JSON.parse(run(shortVtt, '--format', 'json', '--lexicons', 'ai-risk').stdout);
    expect(only.lexicons).toEqual([{ id: 'ai-risk', version: '1.0.0' }]);
    expect(only.headline.confidenceReasons.join(' ')).toMatch(/off: ai-opportunity, societal-harm, governance-safety/);
    const added = JSON.parse(run(shortVtt, '--format', 'json', '--lexicon-file', goodLexicon).stdout);
    expect(added.lexicons.map((l: { id: string }) => l.id)).toContain('mine');
    expect(added.slices[0].terms.map((t: { lexicon: string }) => t.lexicon)).toContain('mine');
  });

  it.each([
    [[], 'no caption file given'],
    [[SEED, '--format', 'xml'], '--format must be one of text, json, csv'],
    [[SEED, '--lexicons'], '--lexicons needs a value'],
    [[SEED, '--frobnicate'], 'unknown option --frobnicate'],
    [[SEED, '--lexicon-file', notJson], 'not-json.json: not valid JSON'],
  ])('usage and lexicon-file errors %j → exit 2 "%s"', (args, message) => {
    const { code, stderr, stdout } = run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('CLI helpers', () => {
  it.each([
    ['tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3', '4WNWeUQ7Hfc'],
    ['dQw4w9WgXcQ.en.vtt', 'dQw4w9WgXcQ'],
    ['talk.vtt', undefined],
  ])('video id of %s is %s', (path, id) => {
    expect(videoIdFromPath(path)).toBe(id);
  });

  it.each([
    ['x/captions.asr.json3', '{}', 'asr'],
    ['x/captions.json3', '{"events":[{"segs":[{"utf8":"hi","acAsrConf":0}]}]}', 'asr'],
    ['x/captions.en.vtt', 'WEBVTT', 'uploaded'],
  ])('caption kind of %s is %s', (path, body, kind) => {
    expect(guessCaptionKind(path, body)).toBe(kind);
  });

  it('parses flags in both spellings and keeps files in order', () => {
    expect(parseScoreArgs(['a', '--format=csv', 'b', '--lexicon-file', 'x.json', '--lexicon-file=y.json', '--kind', 'asr'])).toEqual({
      files: ['a', 'b'], format: 'csv', lexiconFiles: ['x.json', 'y.json'], captionKind: 'asr', help: false,
    });
    expect(() => parseScoreArgs(['--kind', 'robot', 'a'])).toThrow(UsageError);
    expect(parseScoreArgs(['a', '--machine-translated'])).toMatchObject({ files: ['a'], machineTranslated: true });
    expect(() => parseScoreArgs(['a', '--machine-translated=yes'])).toThrow(UsageError);
  });

  it('--machine-translated scores as the extension scores YouTube\'s English translation: one confidence step lower, the reason said', () => {
    const plain = JSON.parse(run(SEED, '--format=json').stdout) as PerspectiveMap;
    const translated = JSON.parse(run(SEED, '--format=json', '--machine-translated').stdout) as PerspectiveMap;
    expect(plain.headline.confidence).toBe('medium');
    expect(translated.headline.confidence).toBe('low');
    expect(translated.headline.confidenceReasons).toContain(MACHINE_TRANSLATED_REASON);
    expect(translated.slices).toEqual(plain.slices);
  });
});

describe('score CLI on every caption format in the fixtures', () => {
  const files = ['json3_asr_shape-sample.json3', 'json3_manual_shape-sample.json3', 'srv1_asr_real_2025-12_eF8Qqp7rjDg.xml', 'srv1_shape-sample.xml', 'srv2_missing-d_shape-sample.xml', 'srv3_asr_shape-sample.xml', 'srv3_styled-manual_shape-sample.xml', 'vtt_asr_real-fragment.vtt'].map(
    (name) => `tests/fixtures/captions/timedtext_${name}`,
  );
  it.each(files)('%s scores to a well-formed map', (file) => {
    const { code, stdout, stderr } = run(file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const map = JSON.parse(stdout);
    expect(map.captionSegments).toBeGreaterThan(0);
    expect(map.slices.length).toBeGreaterThan(0);
    expect(map.slices.at(-1).lastCue).toBe(map.captionSegments - 1);
    expect(Object.values(map.headline.bandShares).reduce((a: number, b) => a + (b as number), 0)).toBe(100);
    expect(map.headline.confidence).toBe('low'); // short samples: excerpts
    if (/asr/.test(file)) expect(map.headline.confidenceReasons.join(' ')).toMatch(/ASR/);
  });
});
