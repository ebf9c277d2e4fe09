/**
 * Writes the synthetic episodes' caption files (original text about AI, written for this project) as json3.
 * Run once after changing the text banks: `npx tsx tests/e2e/replica/generate-episodes.ts`. The output is
 * committed; the replica reads only the files. Deterministic (seeded), so re-running changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cue } from '../../../src/captions/cue';
import { toJson3 } from './caption-formats';

const EPISODES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'episodes');

const EN_CLAUSES = [
  'Today we look at how large language models are trained and evaluated',
  'the question of alignment keeps coming back in every conversation we have',
  'researchers worry that capabilities are growing faster than our safety tools',
  'on the other hand these systems already help doctors read scans more quickly',
  'governance matters because no single lab should decide the rules alone',
  'an independent audit can catch failures before a model is deployed widely',
  'automation may displace some jobs while creating new kinds of work',
  'teachers are finding that tutoring assistants help students who fall behind',
  'misuse is a real concern when a tool can write convincing disinformation',
  'interpretability research tries to understand what happens inside the network',
  'the opportunity is enormous if we can make these systems reliable and honest',
  'regulators in several countries are drafting rules for frontier models',
  'open weights make research easier but they also make oversight harder',
  'scientists use machine learning to predict protein structures and new materials',
  'the risk of concentrated power is something economists take seriously',
  'we should measure what models can do rather than guess at it',
  'evaluation suites help compare progress across different labs',
  'productivity gains could be large for small businesses and individuals',
  'some experts talk about catastrophic risk and others think that is overstated',
  'red teaming finds dangerous behaviour before the public ever sees it',
  'energy use of data centres is growing and that deserves attention',
  'better translation tools let people read research in their own language',
  'a careful rollout gives society time to adapt and to learn',
  'my guest thinks the benefits will arrive sooner than most people expect',
];

/** What a speech recogniser makes of the same talk: lower case, no punctuation, a few mis-hearings. */
const ASR_MISHEARINGS: [RegExp, string][] = [
  [/\blarge language models\b/g, 'large language mothers'],
  [/\balignment\b/g, 'a line meant'],
  [/\bgovernance\b/g, 'govern ants'],
  [/\binterpretability\b/g, 'interpret ability'],
  [/\bred teaming\b/g, 'read teaming'],
  [/\bregulators\b/g, 'regulator s'],
];

const DE_CLAUSES = [
  'Heute sprechen wir darüber wie große Sprachmodelle trainiert werden',
  'die Frage der Ausrichtung kommt in jedem Gespräch wieder auf',
  'Forschende befürchten dass die Fähigkeiten schneller wachsen als die Sicherheit',
  'andererseits helfen diese Systeme Ärztinnen schon heute bei der Diagnose',
  'Regulierung ist wichtig weil kein einzelnes Labor die Regeln allein bestimmen sollte',
  'eine unabhängige Prüfung kann Fehler vor der Veröffentlichung finden',
  'Automatisierung kann Arbeitsplätze verdrängen und zugleich neue schaffen',
  'Lehrkräfte berichten dass Lernassistenten schwächeren Schülern helfen',
  'Missbrauch ist eine echte Sorge wenn ein Werkzeug überzeugende Falschmeldungen schreibt',
  'die Chance ist riesig wenn wir diese Systeme verlässlich und ehrlich machen',
  'offene Gewichte erleichtern die Forschung aber erschweren die Aufsicht',
  'eine vorsichtige Einführung gibt der Gesellschaft Zeit sich anzupassen',
];

/** YouTube's English machine translation of DE_CLAUSES, clause for clause (literal, as such translations read). */
const DE_CLAUSES_EN = [
  'Today we talk about how large language models are trained',
  'the question of alignment comes up again in every conversation',
  'researchers fear that the capabilities grow faster than the safety',
  'on the other hand these systems already help doctors with the diagnosis today',
  'regulation is important because no single laboratory should determine the rules alone',
  'an independent audit can find errors before the release',
  'automation can displace jobs and at the same time create new ones',
  'teachers report that learning assistants help weaker pupils',
  'misuse is a real worry when a tool writes convincing false reports',
  'the opportunity is huge if we make these systems reliable and honest',
  'open weights make research easier but make oversight harder',
  'a careful introduction gives society time to adapt',
];

/** A history podcast about war and crime (original text): no AI vocabulary but one passing mention (WAR_AI_ASIDE). */
const WAR_CLAUSES = [
  'the siege lasted through the whole winter and the city ran out of bread',
  'historians still argue about who gave the order to burn the bridges',
  'the soldiers were mostly farmers who had never left their valley before',
  'by the third year of the war the army was paying its men in promises',
  'the smugglers moved salt and powder across the border at night',
  'a band of deserters turned to robbery on the mountain roads',
  'the trial of the governor was the first time a court judged a war crime',
  'witnesses described villages emptied in a single afternoon',
  'the cavalry charge broke on the guns and the field was lost by noon',
  'letters home talk about mud and hunger far more than about glory',
  'the police chief was paid by both the gang and the city council',
  'murder rates in the capital doubled in the decade after the armistice',
  'the treaty redrew the map and left millions on the wrong side of a line',
  'fortresses that took forty years to build fell in a week',
  'the general blamed the weather and the weather could not answer back',
  'prisoners were exchanged on the old stone bridge at dawn',
  'the ransom was paid in silver and the hostages came home thin but alive',
  'a forged letter started a feud that cost two families everything',
  'the navy blockade starved the port until the merchants revolted',
  'the assassin was caught because he went back for his hat',
  'pirates sold their prizes openly in the harbour markets',
  'the war ended not with a battle but with an empty treasury',
  'courts martial were quick and their records are painfully short',
  'the archive holds the names of every man who deserted that spring',
];
/** The one passing mention of AI in the war podcast. */
const WAR_AI_ASIDE = 'a listener asked whether artificial intelligence will change how wars are fought and that is a question for another show';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A talk of `count` cues: clauses drawn from the bank, cut into 5–9 word captions, ~3.2 s apart. */
function talk(bank: string[], count: number, seed: number, opening: string): { startMs: number; endMs: number; words: string[] }[] {
  const rand = mulberry32(seed);
  const words: string[] = opening.split(' ');
  while (words.length < count * 9) words.push(...bank[Math.floor(rand() * bank.length)]!.split(' '));
  const cues: { startMs: number; endMs: number; words: string[] }[] = [];
  let at = 400;
  let i = 0;
  while (cues.length < count) {
    const n = 5 + Math.floor(rand() * 5);
    const duration = 2600 + Math.floor(rand() * 1400);
    cues.push({ startMs: at, endMs: at + duration, words: words.slice(i, i + n) });
    i += n;
    at += duration + 60;
  }
  return cues;
}

function uploaded(parts: ReturnType<typeof talk>): Cue[] {
  return parts.map((p, i) => {
    const text = p.words.join(' ');
    return { startMs: p.startMs, endMs: p.endMs, text: i === 0 || i % 4 === 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text };
  });
}

function asr(parts: ReturnType<typeof talk>): Cue[] {
  return parts.map((p) => {
    let text = p.words.join(' ').toLowerCase();
    for (const [pattern, heard] of ASR_MISHEARINGS) text = text.replace(pattern, heard);
    return { startMs: p.startMs, endMs: p.endMs, text };
  });
}

function write(videoId: string, file: string, cues: Cue[], isAsr: boolean): void {
  writeFileSync(join(EPISODES, videoId, file), toJson3(cues, isAsr));
}

const twoLang = talk(EN_CLAUSES, 300, 11, 'Welcome back to Two Languages a show about how machines learn and what that means for us');
write('TwoLangEp01', 'captions.en.json3', uploaded(twoLang), false);
write('TwoLangEp01', 'captions.asr.json3', asr(twoLang), true);
write('TwoLangEp01', 'captions.de.json3', uploaded(talk(DE_CLAUSES, 300, 12, 'Willkommen zurück bei Zwei Sprachen einer Sendung über lernende Maschinen')), false);

const small: [string, number, number, boolean][] = [
  ['CleanUrlEp1', 160, 21, true],
  ['PanelOnly01', 160, 22, true],
  ['ClassicPnl1', 160, 23, true],
  ['Unavailabl1', 160, 24, true],
  ['Malformed01', 160, 25, true],
  ['ShortEp0001', 100, 26, false],
  ['AdAtStart01', 160, 27, true],
  ['CcOnDefault', 160, 28, false],
  ['LiveStream1', 160, 29, true],
];
for (const [videoId, count, seed, isAsr] of small) {
  const parts = talk(EN_CLAUSES, count, seed, `This is the ${videoId} episode of the replica`);
  write(videoId, isAsr ? 'captions.asr.json3' : 'captions.en.json3', isAsr ? asr(parts) : uploaded(parts), isAsr);
}

// Hostile caption text (issue 12): markup, script tags and entities in the words themselves. The drawer and the
// tooltips must show them as text. The first cues carry them, so the first slice's excerpt does too.
const HOSTILE_LINES = [
  '<script>alert("caption")</script> welcome to the show',
  '<img src=x onerror=alert(1)> we talk about catastrophic risk',
  '&lt;b&gt;not bold&lt;/b&gt; &amp;amp; <b>existential risk</b> today',
  '<a href="javascript:alert(1)">click</a> & more about alignment',
];
const hostile = uploaded(talk(EN_CLAUSES, 160, 31, 'This is the HostileCap1 episode of the replica'));
hostile.forEach((cue, i) => {
  if (i < HOSTILE_LINES.length || i % 25 === 0) cue.text = `${HOSTILE_LINES[i % HOSTILE_LINES.length]!} ${cue.text}`;
});
write('HostileCap1', 'captions.en.json3', hostile, false);
// War and crime, one passing mention of AI in the middle: the panel's `off-topic` state (issue 8).
const war = talk(WAR_CLAUSES, 220, 41, 'Welcome to Old Wars and Outlaws where we read the records nobody else reads');
const aside = WAR_AI_ASIDE.split(' ');
war[110] = { ...war[110]!, words: aside.slice(0, 9) };
war[111] = { ...war[111]!, words: aside.slice(9) };
write('WarHistory1', 'captions.en.json3', uploaded(war), false);

/**
 * German only, with YouTube's English translation for `tlang=en` (the replica serves the `translations`
 * file): one cue per clause, the same times in both, so the translation lines up with the speech.
 */
function parallelTalk(count: number, seed: number): { de: Cue[]; en: Cue[] } {
  const rand = mulberry32(seed);
  const de: Cue[] = [];
  const en: Cue[] = [];
  let at = 400;
  for (let i = 0; i < count; i++) {
    const k = Math.floor(rand() * DE_CLAUSES.length);
    const duration = 2600 + Math.floor(rand() * 1400);
    de.push({ startMs: at, endMs: at + duration, text: DE_CLAUSES[k]! });
    en.push({ startMs: at, endMs: at + duration, text: DE_CLAUSES_EN[k]! });
    at += duration + 60;
  }
  return { de, en };
}
const germanOnly = parallelTalk(200, 51);
write('GermanOnly1', 'captions.de.json3', germanOnly.de, false);
write('GermanOnly1', 'captions.de.tlang-en.json3', germanOnly.en, false);
