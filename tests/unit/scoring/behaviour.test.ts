import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { scoreCues } from '../../../src/scoring/score-cues';
import { cuesOf, passage } from './passages';

/** Hand-written passages, not taken from any transcript: each must score in the stated direction. */
const RISK_FORWARD = [
  'if we lose control of a misaligned superintelligence the result could be human extinction and that is an existential risk we are not prepared for',
  'these systems learn deception they manipulate their users and bad actors will weaponize them to build bioweapons and launch cyberattacks',
  'mass unemployment surveillance and the concentration of power in a few companies are the dangers i keep worrying about',
];
const OPPORTUNITY_FORWARD = [
  'ai will help us cure cancer accelerate scientific discovery and bring an age of abundance and prosperity to billions of people',
  'personalized tutoring for every child new drugs from drug discovery and clean energy breakthroughs are the benefits i am optimistic about',
  'this technology will empower doctors save lives and lift millions out of poverty while boosting productivity and economic growth',
];
const NEUTRAL_TECHNICAL = [
  'we trained the transformer with gradient descent on a large dataset then measured the loss on held out data and tuned the learning rate',
  'the network has twelve layers each attention head attends to previous tokens and we evaluate on a standard benchmark after fine tuning',
];

describe('hand-written passages score in the expected direction', () => {
  it.each(RISK_FORWARD)('risk-forward: %s', (text) => {
    const { score, band } = passage(text);
    expect(score).toBeLessThanOrEqual(-18);
    expect(band).toBe('risk-forward');
  });

  it.each(OPPORTUNITY_FORWARD)('opportunity-forward: %s', (text) => {
    const { score, band } = passage(text);
    expect(score).toBeGreaterThanOrEqual(18);
    expect(band).toBe('opportunity-forward');
  });

  // Contract change (issue 8): the default set now includes the learned ai-stance lexicon, whose hundreds of
  // small weights rarely sum to exactly 0; neutral talk must stay well inside Mixed, not at 0.
  it.each(NEUTRAL_TECHNICAL)('neutral technical stays near 0, well inside Mixed: %s', (text) => {
    const { score, band } = passage(text);
    expect(Math.abs(score)).toBeLessThanOrEqual(10);
    expect(band).toBe('mixed');
  });

  it.each([
    // Positive words carrying a risk stance.
    ['we will successfully build systems that deceive us', 'risk'],
    ['they are brilliant at manipulation and wonderfully effective at deception', 'risk'],
    ['it is great news for anyone hoping to build bioweapons', 'risk'],
    // Negative words carrying an opportunity stance.
    ['we can stop the disease', 'opportunity'],
    ['it is terrible news for cancer because we will cure it', 'opportunity'],
    ['i hate how slow drug discovery was before these models sped it up', 'opportunity'],
  ])('stance beats sentiment: "%s" is %s', (text, direction) => {
    const { score } = passage(text);
    if (direction === 'risk') expect(score).toBeLessThan(0);
    else expect(score).toBeGreaterThan(0);
  });
});

describe('CheckList behaviour', () => {
  it.each([
    ['this is dangerous', 'this is not dangerous'],
    ['the system is deceptive', 'the system is never deceptive'],
    ['we face an existential risk', 'we do not face an existential risk'],
    ['there will be mass unemployment', 'there will be no mass unemployment'],
  ])('negation moves a risk term toward opportunity: "%s" → "%s"', (plain, negated) => {
    const a = passage(plain).score;
    const b = passage(negated).score;
    expect(a).toBeLessThan(0);
    expect(b).toBeGreaterThan(a);
    expect(b).toBeGreaterThan(0);
  });

  it.each([
    ['this will cure cancer', 'this will not cure cancer'],
    ['the benefits are enormous', 'there are no benefits'],
    ['we can have abundance', 'we can never have abundance'],
  ])('negation moves an opportunity term toward risk: "%s" → "%s"', (plain, negated) => {
    const a = passage(plain).score;
    const b = passage(negated).score;
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThan(0);
  });

  it('a clause word stops negation ("not X but dangerous")', () => {
    expect(passage('it is not that but it is dangerous').score).toBeLessThan(0);
  });

  it('"but" shifts weight to what follows', () => {
    const riskAfter = passage('there are benefits but there is a catastrophic risk').score;
    const riskBefore = passage('there is a catastrophic risk but there are benefits').score;
    expect(riskAfter).toBeLessThan(riskBefore);
  });

  it('boosters strengthen, hedges weaken', () => {
    const plain = passage('this is dangerous').score;
    expect(passage('this is extremely dangerous').score).toBeLessThan(plain);
    expect(passage('this is maybe dangerous').score).toBeGreaterThan(plain);
  });

  it.each([
    ['we say it is dangerous', 'people say it is dangerous'],
    ['i argue that it is dangerous', 'critics argue that it is dangerous'],
    ['the sense that it is dangerous', 'the idea that it is dangerous'],
    ['i know for sure it is dangerous', 'according to them it is dangerous'],
  ])('attribution weakens a term the speaker does not own: "%s" → "%s"', (own, attributed) => {
    // Same length, so only the cue differs: the speaker's own view counts in full.
    const a = passage(own).score;
    const b = passage(attributed).score;
    expect(a).toBeLessThan(0);
    expect(b).toBeLessThan(0);
    expect(b).toBeGreaterThan(a);
  });

  it('attribution ends with its clause ("people say X but it is dangerous")', () => {
    expect(passage('people say it is fine but it is dangerous').score).toBeLessThan(passage('people say it is dangerous').score);
  });

  it('a phrase split across two cues still matches', () => {
    const map = scoreCues(cuesOf('we worry about human | extinction from ai'), { lexicons: [...DEFAULT_LEXICONS] });
    const terms = map.slices.flatMap((s) => s.terms.map((t) => t.term));
    expect(terms).toContain('human extinction');
  });

  it('an alias matches (x risk → existential risk)', () => {
    expect(passage('people call it x risk').terms.map((t) => t.term)).toContain('existential risk');
    expect(passage('people call it x risk').score).toBe(passage('people call it existential risk').score);
  });

  it('[Music], fillers and case change nothing', () => {
    const plain = passage('the danger of deception is real but the benefits of curing disease are real too');
    const noisy = passage('[Music] THE uh Danger of um DECEPTION is real [Applause] but the BENEFITS of uh curing Disease are real too');
    expect(noisy.score).toBe(plain.score);
    expect(noisy.terms.map((t) => [t.term, t.contribution])).toEqual(plain.terms.map((t) => [t.term, t.contribution]));
  });

  it.each([
    'this is a great paper and i love the experiments the results are amazing and the training curves look wonderful',
    'honestly the code was terrible and the benchmark was awful and i hate debugging these horrible layers',
  ])('generic praise or complaint in a technical passage stays mixed (near 0): %s', (text) => {
    const { score, band, terms } = passage(text);
    // No generic sentiment word scores (the learned lexicon's other words may move it a little; see above).
    expect(terms.map((t) => t.term).filter((t) => /great|love|amazing|wonderful|terrible|awful|hate|horrible/.test(t))).toEqual([]);
    expect(Math.abs(score)).toBeLessThanOrEqual(10);
    expect(band).toBe('mixed');
  });
});
