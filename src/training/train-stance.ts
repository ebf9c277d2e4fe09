import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUILTIN_LEXICONS } from '../lexicons/builtin-lexicons';
import { validateLexicon } from '../lexicons/validate-lexicon';
import { readCorpus, speakerWords } from './corpus';
import { DEFAULT_LEARN, learnLexicon, STANCE_LEXICON_ID, type LearnOptions } from './learn-lexicon';
import { lexiconJson, trainingReport } from './training-report';
import { ceilingCheck } from './ceiling';
import { agreementFigures, crossValidate, episodeFigures, passageFigures, readTrainingData, resolvePassages, type LexiconSetSpec } from './stance-training';

/**
 * `npm run train:stance [-- --corpus DIR] [--no-cv | --quick]`: learns the `ai-stance` lexicon from the project's labelled
 * passages (references resolved against the corpus, which is read here and nowhere else) and writes it with
 * its training report. Deterministic: the same passages and corpus give byte-identical files.
 */
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus' },
    passages: { type: 'string', default: 'src/lexicons/stance-passages' },
    out: { type: 'string', default: 'src/lexicons/data/ai-stance.json' },
    report: { type: 'string', default: 'src/lexicons/stance-passages/TRAINING-REPORT.md' },
    cv: { type: 'boolean', default: true },
    'no-cv': { type: 'boolean', default: false },
    // Iterating on the method: the cross-validation only (as-is form), figures printed, nothing written.
    quick: { type: 'boolean', default: false },
    version: { type: 'string', default: '1.0.0' },
  },
});

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const started = Date.now();

function readCorpusOrExit(dir: string): ReturnType<typeof readCorpus> {
  try {
    return readCorpus(dir);
  } catch (error) {
    process.stderr.write(`train:stance: ${(error as Error).message} (the corpus is read at training time only; pass --corpus DIR)\n`);
    process.exit(2);
  }
}
const corpus = readCorpusOrExit(values.corpus);
const data = readTrainingData(values.passages);
const passages = resolvePassages(data, corpus);
log(`train:stance: ${passages.length} passages (${data.references.length} references into ${corpus.length} episodes, ${data.written.length} written)`);

// The corpus's speaker names never become stance words (with the names found in the passages themselves).
const options: LearnOptions = { ...DEFAULT_LEARN, excludedWords: speakerWords(corpus) };
const lens = BUILTIN_LEXICONS.filter((l) => l.kind === 'lens');
const hand = BUILTIN_LEXICONS.filter((l) => l.kind === 'spectrum' && l.id !== STANCE_LEXICON_ID);
const sets: LexiconSetSpec[] = [
  { name: 'ai-stance + lenses', others: lens, learned: true },
  { name: 'hand-made spectrum + lenses (v0.1 default)', others: [...hand, ...lens], learned: false },
  { name: 'ai-stance + hand-made spectrum + lenses', others: [...hand, ...lens], learned: true },
];

if (values.quick) {
  const cv = crossValidate(passages, corpus, sets, options, log, undefined, false);
  const f = passageFigures(cv.passages);
  log(`quick CV (as-is form only; nothing written): passage macro-F1 ${f.macroF1.toFixed(3)} (${f.perClass.map((c) => `${c.label} P ${c.precision.toFixed(2)} R ${c.recall.toFixed(2)} F1 ${c.f1.toFixed(2)}`).join('; ')})`);
  for (const [name, results] of cv.episodes) {
    const e = episodeFigures(results);
    log(`  ${name}: Spearman ${e.spearman.toFixed(2)}, pairs ${Math.round(e.pairs * 100)}%, topic ${e.topicCorrect}/${e.episodes}`);
  }
  log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}

const trainStarted = Date.now();
const learned = learnLexicon(passages, options, values.version);
const trainSeconds = (Date.now() - trainStarted) / 1000;
const check = validateLexicon(learned.lexicon);
if (!check.ok) throw new Error(`the learned lexicon does not validate: ${check.errors.slice(0, 3).join('; ')}`);
writeFileSync(values.out, lexiconJson(learned.lexicon));
log(`learned ${learned.lexicon.entries.length} entries from ${learned.candidates} candidates in ${trainSeconds.toFixed(1)} s (${learned.refits} refits) → ${values.out}`);

const cv = values.cv && !values['no-cv'] ? crossValidate(passages, corpus, sets, options, log) : null;
const ceiling = cv ? ceilingCheck(passages, corpus, options) : null;
const report = trainingReport({ data, passages, learned, cv, ceiling, agreement: agreementFigures(data), options });
writeFileSync(values.report, report);
log(report.slice(report.indexOf('## Cross-validation'), report.indexOf('## The learned lexicon')).trim());
log(`report → ${values.report}; ${((Date.now() - started) / 1000).toFixed(1)} s in all (training ${trainSeconds.toFixed(1)} s${cv ? `, cross-validation ${cv.seconds.toFixed(1)} s` : ''})`);
