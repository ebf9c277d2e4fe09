import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cue } from '../src/captions/cue';
import * as tsxCaptions from '../src/captions/parse-captions';
import * as tsxLexicons from '../src/lexicons/builtin-lexicons';
import * as tsxScoring from '../src/scoring/score-cues';
import { loadShippedScoringCore } from './_shipped-core';

/**
 * Parse + score throughput on the seed episode, side by side in the same run with two general sentiment
 * scorers on the same slice texts (devDependencies, never shipped): `sentiment` (AFINN word lookup) and
 * `vader-sentiment` (rule-based). The floor is a bare JSON.parse of the body: no parser can beat reading
 * the JSON. Then a 12-hour synthetic transcript (the seed repeated with shifted times).
 *
 * Our code is timed as shipped: bundled by esbuild without keepNames (`_shipped-core.ts`), not as tsx runs
 * it (tsx wraps every function it creates in `__name`). The tsx-run scorer is timed in the same rounds as a
 * secondary row, so the difference stays visible.
 */
const here = dirname(fileURLToPath(import.meta.url));
const SEED = join(here, '..', 'tests', 'fixtures', 'episodes', '4WNWeUQ7Hfc', 'captions.asr.json3');
const TWELVE_HOURS_MS = 12 * 3600 * 1000;

interface Timing {
  median: number;
  /** Interquartile range: how far this shared machine's load moves one contender from run to run. */
  p25: number;
  p75: number;
  runs: number;
  /** The same runs measured in CPU time of this process (process.cpuUsage), which other processes' load moves less. */
  cpu: { median: number; p25: number; p75: number };
  /** Per-run wall and CPU times in round order (for ratios paired round by round). */
  wall: number[];
  cpuRuns: number[];
}

/**
 * Median wall time of each contender, measured round-robin (one run of each per round), so load from other
 * processes on a shared machine hits every contender alike and the ratios stay meaningful. The order rotates
 * every round, so the garbage one contender leaves (JSON.parse's object tree) is not always collected in the
 * time of the same next one. Warm-up runs every contender until the JIT has settled (at least WARM_UP_ROUNDS
 * rounds and WARM_UP_MS), and nothing from warm-up is counted.
 */
const WARM_UP_ROUNDS = 5;

const WARM_UP_MS = 500;

function timeTogether<K extends string>(contenders: Record<K, () => unknown>, budgetMs = 4000, minRounds = 9): Record<K, Timing> {
  const names = Object.keys(contenders) as K[];
  const warmStart = performance.now();
  for (let i = 0; i < WARM_UP_ROUNDS || performance.now() - warmStart < WARM_UP_MS; i++) for (const name of names) contenders[name]();
  const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  let rounds = 0;
  while (rounds < minRounds || (performance.now() - started < budgetMs && rounds < 200)) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + rounds) % names.length] as K;
      const cpuBefore = process.cpuUsage();
      const t = performance.now();
      contenders[name]();
      wall[name].push(performance.now() - t);
      const used = process.cpuUsage(cpuBefore);
      cpu[name].push((used.user + used.system) / 1000);
    }
    rounds++;
  }
  const result = {} as Record<K, Timing>;
  for (const name of names) {
    const w = quartiles(wall[name]);
    result[name] = { median: w.median, p25: w.p25, p75: w.p75, runs: wall[name].length, cpu: quartiles(cpu[name]), wall: wall[name], cpuRuns: cpu[name] };
  }
  return result;
}

function quartiles(values: readonly number[]): { median: number; p25: number; p75: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.floor((sorted.length - 1) * q)] as number;
  return { median: sorted[Math.floor(sorted.length / 2)] as number, p25: at(0.25), p75: at(0.75) };
}

/**
 * `a`'s time over `b`'s, round by round (both ran in the same round, so the same load), as median and IQR of
 * those ratios — in wall time and in CPU time.
 */
function pairedRatio(a: Timing, b: Timing): { wall: ReturnType<typeof quartiles>; cpu: ReturnType<typeof quartiles> } {
  const ratios = (x: number[], y: number[]): number[] => x.map((v, i) => v / (y[i] as number));
  return { wall: quartiles(ratios(a.wall, b.wall)), cpu: quartiles(ratios(a.cpuRuns, b.cpuRuns)) };
}

const ms = (t: Timing): string => `${t.median.toFixed(2).padStart(8)} ms (median of ${t.runs}, IQR ${t.p25.toFixed(2)}–${t.p75.toFixed(2)})`;
const cpuMs = (t: Timing): string => `${t.cpu.median.toFixed(2)} ms CPU (IQR ${t.cpu.p25.toFixed(2)}–${t.cpu.p75.toFixed(2)})`;
const x = (ratio: number): string => `${ratio.toFixed(2)}×`;
const spread = (q: { median: number; p25: number; p75: number }): string => `${x(q.median)} (IQR ${x(q.p25)}–${x(q.p75)})`;

export default async function benchScoring(): Promise<void> {
  const require = createRequire(import.meta.url);
  const Sentiment = require('sentiment') as new () => { analyze(text: string): { score: number; comparative: number } };
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
  const afinn = new Sentiment();

  const shipped = await loadShippedScoringCore();
  const { parseCaptions, scoreCues, compileMatcher, BUILTIN_LEXICONS } = shipped.core;
  console.log(`measured: our code as shipped — esbuild ${shipped.esbuildVersion} bundle (esm, es2022, no keepNames, not minified): ${relative(process.cwd(), shipped.file)}`);

  const body = readFileSync(SEED, 'utf8');
  const lexicons = [...BUILTIN_LEXICONS];
  const tsxLexiconList = [...tsxLexicons.BUILTIN_LEXICONS];
  const cues = parseCaptions(body).cues;
  const map = scoreCues(cues, { lexicons, captionKind: 'asr' });
  // The bundle must be the same scorer: its map equals the tsx-run one, or the figures below mean nothing.
  const tsxMap = tsxScoring.scoreCues(tsxCaptions.parseCaptions(body).cues, { lexicons: tsxLexiconList, captionKind: 'asr' });
  if (JSON.stringify(tsxMap) !== JSON.stringify(map)) throw new Error('bench: the bundled scorer and the tsx-run scorer disagree');
  const sliceTexts = map.slices.map((s) => cues.slice(s.firstCue, s.lastCue + 1).map((c) => c.text).join(' '));
  const words = map.slices.reduce((n, s) => n + s.words, 0);
  console.log(`seed: ${(body.length / 1e6).toFixed(2)} MB body, ${cues.length} caption segments, ${words} words, ${map.slices.length} slices`);

  // Compiled once, as the worker's memo (src/background/matcher-memo.ts) and the CLI keep it for every episode they score.
  const matcher = compileMatcher(lexicons);
  const fast = timeTogether({
    jsonParse: () => JSON.parse(body),
    parse: () => parseCaptions(body),
    score: () => scoreCues(cues, { lexicons, captionKind: 'asr', matcher }),
    scoreCompiling: () => scoreCues(cues, { lexicons, captionKind: 'asr' }),
    compile: () => compileMatcher(lexicons),
    parseAndScore: () => scoreCues(parseCaptions(body).cues, { lexicons, captionKind: 'asr', matcher }),
    afinn: () => sliceTexts.map((t) => afinn.analyze(t).score),
    tsxScore: () => tsxScoring.scoreCues(cues, { lexicons: tsxLexiconList, captionKind: 'asr' }),
    tsxParseAndScore: () => tsxScoring.scoreCues(tsxCaptions.parseCaptions(body).cues, { lexicons: tsxLexiconList, captionKind: 'asr' }),
  }, 6000, 21); // at least 21 rounds: on a loaded machine 4 s held only 9, too few for a stable ratio
  const { jsonParse, parse, score, scoreCompiling, compile, parseAndScore, afinn: afinnTime, tsxScore, tsxParseAndScore } = fast;
  // VADER is ~30–100× slower: paired rounds with our scorer alone, so the ratio compares like with like.
  const slow = timeTogether({
    score: () => scoreCues(cues, { lexicons, captionKind: 'asr', matcher }),
    vader: () => sliceTexts.map((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound),
  }, 4000, 5);
  const vaderTime = slow.vader;

  const set = `${lexicons.length} lexicons (${lexicons.reduce((n, l) => n + l.entries.length, 0)} patterns: ${lexicons.map((l) => `${l.id} ${l.entries.length}`).join(', ')}) + topic pass`;
  console.log(`lexicon set: ${set}`);
  console.log(`JSON.parse (floor)       ${ms(jsonParse)}`);
  console.log(`parseCaptions            ${ms(parse)}`);
  console.log(`scoreCues                ${ms(score)}   ${Math.round(words / (score.median / 1000)).toLocaleString('en-US')} words/s · ${cpuMs(score)} · matcher compiled once`);
  console.log(`compileMatcher           ${ms(compile)}   ${cpuMs(compile)} · once per lexicon set (worker memo, CLI run)`);
  console.log(`scoreCues + compile      ${ms(scoreCompiling)}   ${cpuMs(scoreCompiling)} · compiling its matcher on every call`);
  console.log(`parse + score            ${ms(parseAndScore)}   ${x(parseAndScore.median / jsonParse.median)} the bare JSON.parse (aim ≤ 1.3×)`);
  console.log(`sentiment (AFINN)        ${ms(afinnTime)}   ${cpuMs(afinnTime)}`);
  const vsAfinn = pairedRatio(score, afinnTime);
  const compilingVsAfinn = pairedRatio(scoreCompiling, afinnTime);
  console.log(
    `scoreCues / AFINN (aim ≤ 1.3×), paired by round: wall ${spread(vsAfinn.wall)} · CPU ${spread(vsAfinn.cpu)} · medians ${x(score.median / afinnTime.median)}`,
  );
  console.log(
    `scoreCues + compile / AFINN, paired by round: wall ${spread(compilingVsAfinn.wall)} · CPU ${spread(compilingVsAfinn.cpu)} · medians ${x(scoreCompiling.median / afinnTime.median)}`,
  );
  console.log(`as run by tsx (keepNames, not what ships, compiling each call): scoreCues ${ms(tsxScore)} (${x(tsxScore.median / afinnTime.median)} AFINN) · parse + score ${ms(tsxParseAndScore)} (${x(tsxParseAndScore.median / jsonParse.median)} JSON.parse)`);
  console.log(`vader-sentiment          ${ms(vaderTime)}   scoreCues (${slow.score.median.toFixed(2)} ms in the same rounds) is ${x(vaderTime.median / slow.score.median)} faster (aim ≥ 50×)`);

  // What general sentiment says about the same slices (the axis they are not built for).
  const afinnMean = sliceTexts.reduce((s, t) => s + afinn.analyze(t).comparative, 0) / sliceTexts.length;
  const vaderMean = sliceTexts.reduce((s, t) => s + vader.SentimentIntensityAnalyzer.polarity_scores(t).compound, 0) / sliceTexts.length;
  console.log(
    `same slices, mean: ours ${map.headline.mean} (median ${map.headline.median}, ${map.headline.leaning}) · AFINN comparative ${afinnMean.toFixed(3)} · VADER compound ${vaderMean.toFixed(3)}`,
  );

  const long = synthesize(cues, TWELVE_HOURS_MS);
  const longWords = long.reduce((n, c) => n + c.text.split(' ').length, 0);
  const longScore = timeTogether({ long: () => scoreCues(long, { lexicons, captionKind: 'asr', matcher }) }, 3000, 3).long;
  const longMap = scoreCues(long, { lexicons });
  console.log(
    `12-hour synthetic: ${long.length} caption segments, ~${longWords.toLocaleString('en-US')} words, ${longMap.slices.length} slices → scoreCues ${ms(longScore)}`,
  );
}

/** The seed's cues repeated end to end, times shifted, until `durationMs` of transcript. */
function synthesize(cues: readonly Cue[], durationMs: number): Cue[] {
  const span = (cues[cues.length - 1]?.endMs ?? 1) + 1000;
  const out: Cue[] = [];
  for (let offset = 0; offset < durationMs; offset += span) {
    for (const cue of cues) {
      if (cue.startMs + offset >= durationMs) break;
      out.push({ startMs: cue.startMs + offset, endMs: cue.endMs + offset, text: cue.text });
    }
  }
  return out;
}
