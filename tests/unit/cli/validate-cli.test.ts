import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runValidate, type ValidateReport } from '../../../src/cli/run-validate';

/** A hand-written folder: six short transcripts (VTT, Markdown with speaker labels, web-page text) and labelled passages. */
const DIR = 'tests/fixtures/validate';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runValidate(argv, {
    readFile: (path) => readFileSync(path, 'utf8'),
    exists: existsSync,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('validate CLI', () => {
  const json = run(DIR, '--format', 'json');
  const report = JSON.parse(json.stdout) as ValidateReport;

  it('scores every transcript listed in labels.json, in every format it holds', () => {
    expect(json.code).toBe(0);
    expect(report.episodes.map((e) => e.id)).toEqual(['worrier-talk', 'warning-panel', 'optimist-chat', 'sceptic-page', 'method-lecture', 'war-history']);
  });

  it('tells the off-topic war story from the AI talks, as they are and in the auto-caption form', () => {
    expect(report.figures.topicCorrect).toBe(6);
    expect(report.figures.topicCorrectAuto).toBe(6);
    expect(report.episodes.find((e) => e.id === 'war-history')?.onTopic).toBe(false);
  });

  it('puts the plainly worried talks below the plainly optimistic one', () => {
    const stance = (id: string) => report.episodes.find((e) => e.id === id)?.stance as number;
    expect(stance('worrier-talk')).toBeLessThan(stance('optimist-chat'));
    expect(stance('warning-panel')).toBeLessThan(stance('optimist-chat'));
    expect(report.figures.opportunityRiskPairs).toBe(4);
    expect(report.figures.opportunityOverRisk).toBeGreaterThanOrEqual(0.5);
    expect(Number.isFinite(report.figures.spearman)).toBe(true);
  });

  it('adds passage metrics from passages.jsonl (written text and references into the folder)', () => {
    expect(report.passages?.asIs.n).toBe(5); // the off-topic passage is left out of macro-F1
    expect(report.passages?.asIs.table.flat().reduce((a, b) => a + b, 0)).toBe(5);
    expect(report.passages?.asIs.macroF1).toBeGreaterThan(0);
    for (const auc of [report.passages?.asIs.aucRisk, report.passages?.asIs.aucOpportunity]) {
      expect(auc).toBeGreaterThanOrEqual(0);
      expect(auc).toBeLessThanOrEqual(1);
    }
  });

  it('prints the episode table and the figures for both forms as text', () => {
    const text = run(DIR);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^episode\s+group\s+ordinal\s+stance\s+auto\s+leaning\s+topic/m);
    expect(text.stdout).toMatch(/^Spearman \(AI episodes\)\s+-?\d\.\d\d\s+-?\d\.\d\d/m);
    expect(text.stdout).toMatch(/^opportunity over risk\s+\d+%\s+\d+%\s+\(4 pairs\)/m);
    expect(text.stdout).toMatch(/^topic right\s+6\/6\s+6\/6/m);
    expect(text.stdout).toMatch(/macro-F1 \d\.\d\d as is.*AUC risk (\d\.\d\d|NaN), opportunity (\d\.\d\d|NaN)/);
  });

  it('takes --lexicons like the score command', () => {
    const only = JSON.parse(run(DIR, '--format', 'json', '--lexicons', 'ai-stance,lens-technical').stdout) as ValidateReport;
    expect(only.lexicons.map((l) => l.id)).toEqual(['ai-stance', 'lens-technical']);
  });

  it.each([
    [['tests/fixtures/no-such-folder'], /labels\.json: cannot read labels/],
    [[], /exactly one folder/],
    [[DIR, '--format', 'xml'], /--format must be text or json/],
    [[DIR, '--lexicons', 'nope'], /unknown lexicon id/],
    [[DIR, '--frobnicate'], /Unknown option/],
  ])('bad input %j → one stderr line, exit 2', (argv, message) => {
    const result = run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
