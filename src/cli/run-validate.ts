import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isPlainRecord } from '../schema/plain-record';
import { DEFAULT_ENABLED_LEXICON_IDS } from '../lexicons/builtin-lexicon-ids';
import { BUILTIN_LEXICON_IDS } from '../lexicons/builtin-lexicons';
import type { Lexicon } from '../lexicons/lexicon';
import { resolveLexicons } from '../lexicons/resolve-lexicons';
import { validateLexicon } from '../lexicons/validate-lexicon';
import { readCorpus, type CorpusEpisode } from '../training/corpus';
import { parseJsonLines, referenceText, toReference, toWritten, WRITTEN_SOURCE, type Passage } from '../training/passages';
import {
  episodeFigures,
  LABEL_OF_BAND,
  passageFigures,
  scoreEpisode,
  scorePassage,
  STANCE_CLASSES,
  type EpisodeFigures,
  type EpisodeResult,
  type PassageFigures,
} from '../training/stance-training';
import { autoCaptionForm } from '../training/passages';
import { pairsOrderedRight } from '../training/metrics';
import type { CliIo } from './run-score';

export const VALIDATE_USAGE =
  'usage: npm run -s validate -- DIR [--lexicons id,id] [--lexicon-file f.json]... [--format text|json]\n' +
  '  DIR holds labels.json (id, group, ordinal, file per episode) and the transcripts it lists;\n' +
  '  passages.jsonl / references.jsonl / written.jsonl there add passage metrics.';

export interface ValidateReport {
  lexicons: { id: string; version: string }[];
  episodes: EpisodeResult[];
  figures: EpisodeFigures & { opportunityOverRisk: number; opportunityOverRiskAuto: number; opportunityRiskPairs: number };
  passages?: { asIs: PassageFigures; autoCaption: PassageFigures };
}

class InputError extends Error {}

/**
 * `validate DIR`: how well the map tells episodes apart by stance and topic, on transcripts with known labels.
 * Every file is read before anything is printed; bad input is one stderr line and exit 2.
 */
export function runValidate(argv: readonly string[], io: CliIo & { exists?: (path: string) => boolean }): number {
  let values: { lexicons?: string; 'lexicon-file'?: string[]; format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        lexicons: { type: 'string' },
        'lexicon-file': { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr(`validate: ${(error as Error).message} (try --help)\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${VALIDATE_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`validate: give exactly one folder (try --help)\n`);
    return 2;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    io.stderr(`validate: --format must be text or json (got "${values.format}")\n`);
    return 2;
  }
  const dir = positionals[0] as string;
  const exists = io.exists ?? existsSync;
  try {
    const lexicons = loadLexicons(values.lexicons, values['lexicon-file'] ?? [], io);
    let corpus: CorpusEpisode[];
    try {
      corpus = readCorpus(dir, io.readFile);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    if (corpus.length === 0) throw new InputError(`${join(dir, 'labels.json')}: lists no episodes`);
    const passages = readPassages(dir, corpus, io, exists);
    const report = validate(corpus, passages, lexicons);
    io.stdout(values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`validate: ${error.message}\n`);
      return 2;
    }
    io.stderr(`validate: unexpected error: ${(error as Error).message}\n`);
    return 1;
  }
}

export function validate(corpus: readonly CorpusEpisode[], passages: readonly Passage[], lexicons: Lexicon[]): ValidateReport {
  const episodes = corpus.map((e) => scoreEpisode(e, lexicons));
  const figures = episodeFigures(episodes);
  const or = opportunityOverRisk(episodes, false);
  const orAuto = opportunityOverRisk(episodes, true);
  const report: ValidateReport = {
    lexicons: lexicons.map((l) => ({ id: l.id, version: l.version })),
    episodes,
    figures: { ...figures, opportunityOverRisk: or.share, opportunityOverRiskAuto: orAuto.share, opportunityRiskPairs: or.pairs },
  };
  if (passages.length > 0) {
    const predictions = passages.map((p) => {
      const scored = scorePassage(p.text, lexicons);
      return {
        id: p.id,
        source: p.source,
        label: p.label,
        predicted: LABEL_OF_BAND[scored.band],
        predictedAuto: LABEL_OF_BAND[scorePassage(autoCaptionForm(p.text), lexicons).band],
        score: scored.score,
      };
    });
    report.passages = { asIs: passageFigures(predictions), autoCaption: passageFigures(predictions, true) };
  }
  return report;
}

/** Pairs of an opportunity-forward (ordinal > 0) and a risk-forward (ordinal < 0) episode with the first's stance higher. */
function opportunityOverRisk(episodes: readonly EpisodeResult[], auto: boolean): { share: number; pairs: number } {
  const sided = episodes.filter((e) => e.ordinal !== null && e.ordinal !== 0 && e.group !== 'N');
  return pairsOrderedRight(
    sided.map((e) => Math.sign(e.ordinal as number)),
    sided.map((e) => (auto ? e.stanceAuto : e.stance)),
  );
}

function loadLexicons(ids: string | undefined, files: readonly string[], io: CliIo): Lexicon[] {
  const custom = files.map((file) => {
    let data: unknown;
    try {
      data = JSON.parse(io.readFile(file));
    } catch (error) {
      throw new InputError(`${file}: cannot read a lexicon (${(error as Error).message.split('\n')[0]})`);
    }
    const result = validateLexicon(data);
    if (!result.ok) throw new InputError(`${file}: invalid lexicon: ${result.errors.join('; ')}`);
    return result.lexicon;
  });
  const enabled = [...(ids === undefined ? DEFAULT_ENABLED_LEXICON_IDS : ids.split(',').map((s) => s.trim()).filter(Boolean)), ...custom.map((l) => l.id)];
  const { lexicons, unknown } = resolveLexicons(enabled, custom);
  if (unknown.length > 0) throw new InputError(`unknown lexicon id(s): ${unknown.join(', ')} (built-in: ${BUILTIN_LEXICON_IDS.join(', ')})`);
  if (lexicons.length === 0) throw new InputError('no lexicons enabled');
  return lexicons;
}

/** Labelled passages in DIR: `passages.jsonl` (either shape), `references.jsonl`, `written.jsonl`. */
function readPassages(dir: string, corpus: readonly CorpusEpisode[], io: CliIo, exists: (path: string) => boolean): Passage[] {
  const byId = new Map(corpus.map((e) => [e.id, e]));
  const out: Passage[] = [];
  for (const name of ['passages.jsonl', 'references.jsonl', 'written.jsonl']) {
    const path = join(dir, name);
    if (!exists(path)) continue;
    let rows: unknown[];
    try {
      rows = parseJsonLines(io.readFile(path), path);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    rows.forEach((raw, i) => {
      const where = `${path}:${i + 1}`;
      try {
        if (isPlainRecord(raw) && 'text' in raw) {
          const w = toWritten({ id: `${name}#${i + 1}`, ...raw }, where);
          out.push({ id: w.id, source: WRITTEN_SOURCE, text: w.text, label: w.label });
        } else {
          const r = toReference(raw, where);
          const episode = byId.get(r.episode);
          if (!episode) throw new Error(`${where}: episode "${r.episode}" is not in labels.json`);
          out.push({ id: `${r.episode}@${r.start}`, source: r.episode, text: referenceText(episode.raw, r.start, r.end), label: r.label });
        }
      } catch (error) {
        throw new InputError((error as Error).message);
      }
    });
  }
  return out;
}

const r0 = (x: number): string => (Number.isFinite(x) ? String(Math.round(x) + 0) : '—');
const r2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');
const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—');

export function formatReport(report: ValidateReport): string {
  const lines: string[] = [];
  lines.push(`Lexicons: ${report.lexicons.map((l) => `${l.id}@${l.version}`).join(', ')}`);
  lines.push('');
  const header = ['episode', 'group', 'ordinal', 'stance', 'auto', 'leaning', 'topic', 'AI/h', 'top terms'];
  const rows = report.episodes.map((e) => [
    e.id,
    e.group,
    e.ordinal === null ? '—' : String(e.ordinal),
    r0(e.stance),
    r0(e.stanceAuto),
    e.leaning,
    e.onTopic ? 'ai' : 'off-topic',
    r0(e.aiMentionsPerHour),
    e.topTerms.join(', '),
  ]);
  lines.push(...table(header, rows));
  const f = report.figures;
  lines.push('');
  lines.push('                          as is   auto-caption form');
  lines.push(`Spearman (AI episodes)    ${r2(f.spearman).padStart(5)}   ${r2(f.spearmanAuto)}`);
  lines.push(`opportunity over risk     ${pct(f.opportunityOverRisk).padStart(5)}   ${pct(f.opportunityOverRiskAuto)}   (${f.opportunityRiskPairs} pairs)`);
  lines.push(`all pairs ordered right   ${pct(f.pairs).padStart(5)}   ${pct(f.pairsAuto)}   (${f.pairCount} pairs)`);
  lines.push(`topic right               ${`${f.topicCorrect}/${f.episodes}`.padStart(5)}   ${f.topicCorrectAuto}/${f.episodes}`);
  if (report.passages) {
    const { asIs, autoCaption } = report.passages;
    lines.push('');
    lines.push(`Passages (${asIs.n} labelled risk / neutral / opportunity): macro-F1 ${r2(asIs.macroF1)} as is, ${r2(autoCaption.macroF1)} auto-caption form; accuracy ${pct(asIs.accuracy)}; AUC risk ${r2(asIs.aucRisk)}, opportunity ${r2(asIs.aucOpportunity)} (0.5 = chance)`);
    lines.push(...table(['label \\ predicted', ...STANCE_CLASSES], asIs.table.map((row, i) => [STANCE_CLASSES[i] as string, ...row.map(String)])));
  }
  return `${lines.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] as number))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}
