import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/cue';
import { DEFAULT_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { validateLexicon } from '../../../src/lexicons/validate-lexicon';
import { scoreCues } from '../../../src/scoring/score-cues';
import { AI_TOPIC_TERMS, AI_TOPIC_WEAK_TERMS } from '../../../src/scoring/topic-terms';
import { densestWindow, EPISODE_MIN_MENTIONS, findAiMentions } from '../../../src/scoring/topic';
import { tokenizeCueIds } from '../../../src/scoring/tokenize-cues';

const WAR = [
  'the army crossed the river in the winter and half of the soldiers froze before the battle began',
  'the general ordered the cavalry to charge and it was a catastrophe and a danger to everyone until dark',
  'historians still argue about whether the siege could have been broken by a relief force from the south',
  'when the city fell the survivors were marched east and many of them never saw their homes again',
];
const AI_TALK = [
  'the language model is trained with gradient descent on a huge dataset and then fine tuned with human feedback',
  'alignment research asks whether an ai system will pursue the goals we meant rather than the reward function we wrote',
  'deepmind and openai both scaled neural networks and the agi debate got louder with every new model',
  'robots and algorithms already decide a lot and machine learning keeps getting cheaper on gpus',
];

/** Cues of `lines` repeated `times` times, 3 s each. */
function cues(lines: readonly string[], times: number): Cue[] {
  const out: Cue[] = [];
  for (let k = 0; k < times; k++) for (const text of lines) out.push({ startMs: out.length * 3000, endMs: out.length * 3000 + 3000, text });
  return out;
}

const mentionsOf = (text: string) => {
  const stream = tokenizeCueIds([{ startMs: 0, endMs: 1000, text }]);
  return findAiMentions(stream.ids, stream.length, stream.words);
};

describe('AI mentions', () => {
  it('counts terms, phrases and wildcards once each, longest first', () => {
    expect(mentionsOf('artificial general intelligence').total).toBe(1);
    expect(mentionsOf('the robots and the robotics lab').total).toBe(2);
    expect(mentionsOf('a i and a g i').total).toBe(2); // ASR spells acronyms out; the tokeniser joins them
    expect(mentionsOf('chat gpt and open ai').total).toBe(2);
  });

  it('does not count ordinary words that only look technical', () => {
    expect(mentionsOf('strength training with heavy weights and a good network of friends').total).toBe(0);
  });

  it('counts weak terms at half a mention, so a passing "model" cannot carry a talk', () => {
    expect(mentionsOf('the model').total).toBe(0.5);
    // "model" every 8 cues (~150 words): ~13 uses per 2,000 words, worth ~7 mentions — under the bar of 10.
    const talk = cues(WAR, 50).map((c, i) => (i % 8 === 0 ? { ...c, text: `${c.text} and the model` } : c));
    const stream = tokenizeCueIds(talk);
    const weak = findAiMentions(stream.ids, stream.length, stream.words);
    expect(densestWindow(weak, 2000)).toBeGreaterThan(5);
    expect(densestWindow(weak, 2000)).toBeLessThan(EPISODE_MIN_MENTIONS);
    expect(scoreCues(talk, { lexicons: [...DEFAULT_LEXICONS] }).headline.topic.onTopic).toBe(false);
  });

  it('keeps the word lists in the tokeniser form lexicon patterns use, without duplicates', () => {
    const all = [...AI_TOPIC_TERMS, ...AI_TOPIC_WEAK_TERMS];
    expect(new Set(all).size).toBe(all.length);
    const asLexicon = { id: 'topic', name: 't', version: '1', kind: 'spectrum', entries: all.map((pattern) => ({ pattern, weight: 1 })) };
    expect(validateLexicon(asLexicon)).toMatchObject({ ok: true });
  });
});

describe('topic in the map', () => {
  const lexicons = [...DEFAULT_LEXICONS];

  it('calls war talk with one passing mention of AI off-topic, every slice too', () => {
    const war = cues(WAR, 60);
    war[100] = { ...(war[100] as Cue), text: 'some people say artificial intelligence will change warfare one day' };
    const map = scoreCues(war, { lexicons });
    expect(map.headline.topic.onTopic).toBe(false);
    expect(map.slices.every((s) => !s.onTopic)).toBe(true);
    expect(map.headline.topic.aiMentionsPerHour).toBeCloseTo(1 / (720 / 3600), 1); // 240 cues × 3 s = 12 min
  });

  it('calls AI talk on-topic, slices included', () => {
    const map = scoreCues(cues(AI_TALK, 60), { lexicons });
    expect(map.headline.topic.onTopic).toBe(true);
    expect(map.slices.every((s) => s.onTopic)).toBe(true);
    expect(map.headline.topic.aiMentionsPerHour).toBeGreaterThan(500);
  });

  it('marks the war slices of a mostly-AI talk off-topic and keeps their scores', () => {
    const mixed = [...cues(AI_TALK, 40), ...cues(WAR, 60)].map((c, i) => ({ ...c, startMs: i * 3000, endMs: i * 3000 + 3000 }));
    const map = scoreCues(mixed, { lexicons });
    expect(map.headline.topic.onTopic).toBe(true);
    expect(map.slices[0]?.onTopic).toBe(true);
    expect(map.slices.at(-1)?.onTopic).toBe(false);
    expect(map.slices.at(-1)?.score).toBeLessThan(0); // catastrophe, danger: harm words still score, the slice is only marked
  });

  it('leaves the leaning as the band of the stance, and the stance out of off-topic harm talk', () => {
    const map = scoreCues(cues(WAR, 60), { lexicons });
    expect(map.headline.stance).toBe(0);
    expect(map.headline.leaning).toBe('mixed');
  });
});
