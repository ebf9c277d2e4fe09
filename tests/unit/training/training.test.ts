import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLexicon } from '../../../src/lexicons/validate-lexicon';
import { scoreCues } from '../../../src/scoring/score-cues';
import { sliceScore } from '../../../src/scoring/slice-score';
import { candidatePatterns, DEFAULT_CANDIDATES, featureSpace, featuresOf, isNumberWord, properNameWords } from '../../../src/training/features';
import { learnLexicon, DEFAULT_LEARN } from '../../../src/training/learn-lexicon';
import { bestMacroF1, cohenKappa, f1Scores, pairsOrderedRight, rocAuc, spearman } from '../../../src/training/metrics';
import { ceilingCheck } from '../../../src/training/ceiling';
import type { CorpusEpisode } from '../../../src/training/corpus';
import { fitOrdinal, predictOrdinal } from '../../../src/training/ordinal-model';
import { autoCaptionForm, parseJsonLines, referenceText, REFERENCE_KEYS, type Passage } from '../../../src/training/passages';
import { trainingRows } from '../../../src/training/learn-lexicon';
import { agreementFigures } from '../../../src/training/stance-training';

const PASSAGES_DIR = 'src/lexicons/stance-passages';

describe('stored passages', () => {
  it.each(['references.jsonl', 'agreement.jsonl'])('%s carries references only, never corpus text', (file) => {
    const rows = parseJsonLines(readFileSync(join(PASSAGES_DIR, file), 'utf8'), file) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).every((k) => REFERENCE_KEYS.includes(k))).toBe(true);
      expect(row).not.toHaveProperty('text');
      expect(Number.isInteger(row.start) && Number.isInteger(row.end)).toBe(true);
      // A note says why, in a few words; it is no place for a quotation.
      expect(String(row.note ?? '').length).toBeLessThanOrEqual(120);
    }
  });

  it('holds only the files the README lists (no stray corpus copies)', () => {
    expect(readdirSync(PASSAGES_DIR).sort()).toEqual(['LABELLING.md', 'README.md', 'TRAINING-REPORT.md', 'agreement-written.jsonl', 'agreement.jsonl', 'references.jsonl', 'written.jsonl']);
  });

  it('keeps second labels of written passages to id, label, note and labeller, each naming a written passage', () => {
    const written = new Set((parseJsonLines(readFileSync(join(PASSAGES_DIR, 'written.jsonl'), 'utf8'), 'written.jsonl') as { id: string }[]).map((w) => w.id));
    const rows = parseJsonLines(readFileSync(join(PASSAGES_DIR, 'agreement-written.jsonl'), 'utf8'), 'agreement-written.jsonl') as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['id', 'label', 'labeller', 'note']);
      expect(written.has(row.id as string)).toBe(true);
    }
  });

  it('stores written passages with their text, form and a known label', () => {
    const rows = parseJsonLines(readFileSync(join(PASSAGES_DIR, 'written.jsonl'), 'utf8'), 'written.jsonl') as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(typeof row.text).toBe('string');
      expect(['risk', 'opportunity', 'neutral', 'off-topic']).toContain(row.label);
      expect(['punctuated', 'auto-caption']).toContain(row.form);
    }
  });
});

describe('agreement', () => {
  it('pairs second labels with first labels by range or id, overall and per sample', () => {
    const ref = (label: 'risk' | 'neutral', labeller: string, start = 0) => ({ episode: 'e', start, end: start + 10, timeMs: null, label, note: '', labeller });
    const w = (id: string, label: 'risk' | 'opportunity', labeller: string) => ({ id, text: 't', label, form: 'punctuated' as const, note: '', labeller });
    const figures = agreementFigures({
      references: [ref('risk', 'A'), ref('neutral', 'A', 20), ref('neutral', 'D', 40)],
      agreement: [ref('risk', 'B'), ref('risk', 'B', 20), ref('neutral', 'E', 40), ref('risk', 'E', 99)],
      written: [w('w1', 'risk', 'C'), w('w2', 'opportunity', 'C')],
      agreementWritten: [{ id: 'w1', label: 'risk', labeller: 'E' }, { id: 'w2', label: 'opportunity', labeller: 'E' }, { id: 'nope', label: 'risk', labeller: 'E' }],
    });
    expect(figures.pairs).toBe(5);
    expect(figures.agreement).toBeCloseTo(4 / 5);
    expect(figures.bySample.map((s) => [s.sample, s.pairs, s.agreement])).toEqual([
      ['references, A → B', 2, 0.5],
      ['references, D → E', 1, 1],
      ['written, C → E', 2, 1],
    ]);
  });
});

describe('reference text', () => {
  const raw = 'WEBVTT\r\n\r\n00:00:01.000 --> 00:00:03.000\r\n  Hello there.\r\n\r\n00:00:03.000 --> 00:00:05.000\r\nAI is  here.\r\n';
  it('cuts the range with line ends normalised, dropping timing lines, WEBVTT and blank lines', () => {
    const normal = raw.replace(/\r\n/g, '\n');
    expect(referenceText(raw, 0, normal.length)).toBe('Hello there. AI is  here.');
    const start = normal.indexOf('Hello');
    expect(referenceText(raw, start, start + 'Hello there.'.length)).toBe('Hello there.');
  });

  it('gives the auto-caption form: lower case, no punctuation', () => {
    expect(autoCaptionForm("Honestly? It's FINE — really, it is.")).toBe("honestly it's fine really it is");
  });
});

describe('metrics', () => {
  it('Spearman handles ties with average ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1);
    expect(spearman([-1, -1, 1, 1], [-5, -3, 2, 1])).toBeCloseTo(0.894, 3);
  });

  it('ROC AUC is the share of positive–negative pairs ranked right, ties as half', () => {
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    // Pairs (p, n): (2,1) right, (2,3) wrong, (2,2) tie, (5,1) (5,3) (5,2) right → 4.5 / 6.
    expect(rocAuc([2, 1, 5, 3, 2], [true, false, true, false, false])).toBeCloseTo(4.5 / 6);
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });

  it('counts pairs ordered right, ties in the figures as half', () => {
    expect(pairsOrderedRight([-1, 1], [-3, 4])).toEqual({ share: 1, pairs: 1 });
    expect(pairsOrderedRight([-1, 1, 1], [0, 0, -1]).share).toBeCloseTo(0.25);
  });

  it("computes Cohen's kappa and macro-F1 from a confusion table", () => {
    expect(cohenKappa([[10, 0], [0, 10]])).toBe(1);
    expect(cohenKappa([[5, 5], [5, 5]])).toBe(0);
    const f = f1Scores([[2, 1], [1, 2]]);
    expect(f.macroF1).toBeCloseTo(2 / 3);
    expect(f.accuracy).toBeCloseTo(2 / 3);
  });

  it('finds the best pair of band thresholds on the rows themselves', () => {
    const labels = ['risk', 'risk', 'neutral', 'neutral', 'opportunity', 'opportunity'] as const;
    // One signed score, shifted so fixed thresholds at ±1 would call everything neutral or risk.
    const score = [-0.6, -0.5, -0.2, -0.1, 0.3, 0.4];
    const best = bestMacroF1(labels, score.map((x) => -x), score);
    expect(best.macroF1).toBe(1);
    expect(-best.riskThreshold).toBeGreaterThanOrEqual(-0.5);
    expect(-best.riskThreshold).toBeLessThan(-0.2);
    expect(best.opportunityThreshold).toBeLessThanOrEqual(0.3);
    // Scores that say nothing reach no more than calling every passage one class.
    const flat = bestMacroF1(labels, labels.map(() => 0), labels.map(() => 0));
    expect(flat.macroF1).toBeCloseTo(f1Scores([[2, 0, 0], [2, 0, 0], [2, 0, 0]]).macroF1);
  });
});

const TOY: Passage[] = [
  ...['we could lose control and it would be a catastrophe', 'i am scared of losing control of these systems', 'the danger is real and i am scared'].map((text, i) => ({ id: `r${i}`, source: `s${i % 2}`, text, label: 'risk' as const })),
  ...['this will cure disease and i am optimistic', 'i am optimistic it will help every child learn', 'not scared at all it will cure so much'].map((text, i) => ({ id: `o${i}`, source: `s${i % 2}`, text, label: 'opportunity' as const })),
  ...['the model is trained on text with gradient descent', 'we measure the loss on held out text', 'the model is evaluated on text'].map((text, i) => ({ id: `n${i}`, source: `s${i % 2}`, text, label: 'neutral' as const })),
];

describe('features are what the runtime scorer applies', () => {
  it('gives, for any weights, the same slice score as scoring the passage with those weights as a lexicon', () => {
    const patterns = ['control', 'scared', 'not scared', 'optimistic', 'cure', 'lose control', 'danger'];
    const space = featureSpace(patterns);
    const weights = [-1.2, -0.9, 1.4, 1.1, 0.8, -2, -0.7];
    const lexicon = { ...space.lexicon, entries: patterns.map((pattern, j) => ({ pattern, weight: weights[j] as number })) };
    for (const text of ['i am not scared but we could lose control', 'maybe it will cure disease but i am scared', 'there is no danger and i am optimistic']) {
      const row = featuresOf(text, space);
      let net = 0;
      row.index.forEach((j, k) => (net += (weights[j] as number) * (row.value[k] as number)));
      const map = scoreCues([{ startMs: 0, endMs: 1000, text }], { lexicons: [lexicon] });
      expect(sliceScore(net, row.words)).toBe(map.slices[0]?.score);
    }
  });

  it('only offers content words and phrases above the frequency floors', () => {
    const patterns = candidatePatterns(TOY, { ...DEFAULT_CANDIDATES, maxWords: 2, minPassages: 2, minSources: 2, maxPassageShare: 1 });
    expect(patterns).toContain('optimistic');
    expect(patterns).toContain('scared');
    expect(patterns).not.toContain('the');
    expect(patterns).not.toContain('i am');
  });
});

describe('candidates that cannot name an episode', () => {
  it('finds proper names by their mid-sentence capitals, not sentence starts or auto-caption text', () => {
    const names = properNameWords([
      { text: 'So I asked Yann about it. Yann said the critics are wrong, and Google agrees with Yann.' },
      { text: 'We talked to Google and to Meta. Doomers say otherwise. The model was fine.' },
      { text: 'i think google is fine and yann is wrong' },
    ]);
    expect(names).toContain('yann');
    expect(names).toContain('google');
    expect(names).not.toContain('doomers'); // capitalised only where a sentence starts
    expect(names).not.toContain('meta'); // once is not enough
    expect(names).not.toContain('the');
  });

  it('tells numbers and number words', () => {
    expect(['three', 'thousands', '2019', '10x', 'percent'].every(isNumberWord)).toBe(true);
    expect(['threat', 'someone', 'tens'].some(isNumberWord)).toBe(false);
  });

  it('drops names, numbers and patterns our written passages never use, when asked', () => {
    const passages: Passage[] = [
      ...['Then Yann said three thousand critics are wrong', 'And Yann says the critics are wrong again'].map((text, i) => ({ id: `a${i}`, source: 'ep1', text, label: 'opportunity' as const })),
      ...['We asked Yann whether three critics are wrong', 'So Yann thinks the critics are wrong'].map((text, i) => ({ id: `b${i}`, source: 'ep2', text, label: 'opportunity' as const })),
      { id: 'w1', source: 'written', text: 'the critics are loud', label: 'opportunity' },
    ];
    const base = { ...DEFAULT_CANDIDATES, maxWords: 1, minPassages: 2, minSources: 2, maxPassageShare: 1 };
    expect(candidatePatterns(passages, base)).toEqual(expect.arrayContaining(['critics', 'three', 'wrong', 'yann']));
    expect(candidatePatterns(passages, { ...base, dropNames: true, dropNumbers: true })).toEqual(['critics', 'wrong']);
    expect(candidatePatterns(passages, { ...base, minWritten: 1 })).toEqual(['critics']);
    expect(candidatePatterns(passages, base, new Set(['wrong']))).not.toContain('wrong');
  });
});

describe('sample weights', () => {
  const p = (source: string, label: 'risk' | 'neutral'): Passage => ({ id: `${source}${Math.random()}`, source, text: 'x', label });
  const row = { index: new Int32Array(), value: new Float64Array(), words: 10 };
  it('can give every episode the same total weight among the references, written passages untouched', () => {
    const passages = [p('big', 'risk'), p('big', 'risk'), p('big', 'risk'), p('small', 'risk'), p('written', 'risk'), p('big', 'neutral'), p('small', 'neutral')];
    const plain = trainingRows(passages, passages.map(() => row), 0.5);
    expect(plain[0]?.weight).toBeCloseTo(plain[3]?.weight as number);
    const balanced = trainingRows(passages, passages.map(() => row), 0.5, 1, true);
    // Before class balancing each episode weighs the same in all (4 passages of `big` at 0.75, 2 of `small` at
    // 1.5); the class weights then scale each class alike, so within a class the ratios show it.
    const risk = balanced.slice(0, 5).map((r) => r.weight);
    expect((risk[3] as number) / (risk[0] as number)).toBeCloseTo(2);
    expect((risk[4] as number) / (risk[0] as number)).toBeCloseTo(4 / 3);
  });
});

describe('learning', () => {
  it('fits an ordinal model that separates a toy set, deterministically', () => {
    const space = featureSpace(candidatePatterns(TOY, { ...DEFAULT_CANDIDATES, maxWords: 2, minPassages: 2, minSources: 1, maxPassageShare: 1 }));
    const rows = trainingRows(TOY, TOY.map((p) => featuresOf(p.text, space)), 0.5);
    const options = { l1: 0.0001, l2: 0.0001, iterations: 400, tolerance: 1e-9 };
    const a = fitOrdinal(rows, space.patterns.length, options);
    const b = fitOrdinal(rows, space.patterns.length, options);
    expect([...a.weights]).toEqual([...b.weights]);
    expect(rows.map((r) => predictOrdinal(r, a))).toEqual(rows.map((r) => r.y));
  });

  it('writes a valid spectrum lexicon whose signs follow the labels', () => {
    const { lexicon } = learnLexicon(TOY, { ...DEFAULT_LEARN, handPatterns: false, candidates: { ...DEFAULT_CANDIDATES, maxWords: 2, minPassages: 2, minSources: 1, maxPassageShare: 1 }, model: { ...DEFAULT_LEARN.model, l1: 0.00001 } });
    expect(validateLexicon(lexicon).ok).toBe(true);
    expect(lexicon.id).toBe('ai-stance');
    const weight = (p: string) => lexicon.entries.find((e) => e.pattern === p)?.weight ?? 0;
    expect(weight('scared')).toBeLessThan(0);
    expect(weight('optimistic')).toBeGreaterThan(0);
  });
});

describe('the ceiling check (same features, one model per side)', () => {
  const fillers = ['on monday', 'in the lab', 'at the talk', 'this year'];
  const side = (label: 'risk' | 'opportunity' | 'neutral', words: string, source: string): Passage[] =>
    fillers.map((filler, i) => ({ id: `${source}-${label}-${i}`, source, text: `${words} ${filler}`, label }));
  const episode = (source: string): Passage[] => [
    ...side('risk', 'i am scared of a catastrophe', source),
    ...side('opportunity', 'i am optimistic it will cure disease', source),
    ...side('neutral', 'the model reads text with gradient descent', source),
  ];
  const corpus = [{ id: 's0' }, { id: 's1' }] as CorpusEpisode[];
  const options = { ...DEFAULT_LEARN, handPatterns: false, candidates: { ...DEFAULT_CANDIDATES, maxWords: 1, minPassages: 2, minSources: 1, maxPassageShare: 1 } };

  it('scores every held-out passage with models that never saw its episode', () => {
    const figures = ceilingCheck([...episode('s0'), ...episode('s1')], corpus, options, 2);
    expect(figures.n).toBe(24);
    // The words that carry each side recur in the other episode: each side ranks perfectly held out.
    expect(figures.aucRisk).toBe(1);
    expect(figures.aucOpportunity).toBe(1);
    expect(figures.bestMacroF1).toBe(1);
  });

  it('falls when what carries a side in one episode is never said in the other', () => {
    const other = episode('s1').map((p) => ({ ...p, text: p.text.replace('scared of a catastrophe', 'worried about ruin').replace('optimistic it will cure disease', 'hopeful about medicine') }));
    const figures = ceilingCheck([...episode('s0'), ...other], corpus, options, 2);
    expect(figures.bestMacroF1).toBeLessThan(1);
  });
});
