import type { Cue } from '../captions/cue';
import type { Lexicon } from '../lexicons/lexicon';
import type { TermMatch } from './match-tokens';
import type { EvidenceMode } from './perspective-map';

/**
 * Evidence mode: what kind of talk the transcript is, from its own conventions. Markers are phrases hosts,
 * lecturers, moderators and debaters use whatever the topic; their weights are votes. Questions put to a
 * second person ("do you think", "can you tell us") add to the interview vote by density. A mode needs
 * MODE_THRESHOLD votes; otherwise the talk is a monologue.
 */
export const MODE_THRESHOLD = 3;

type Marker = [phrase: string, votes: number];

const MARKERS: Record<Exclude<EvidenceMode, 'monologue'>, Marker[]> = {
  interview: [
    ['thanks for having me', 3], ['thank you for having me', 3], ['thanks so much for having me', 3],
    ['thanks for coming on', 3], ['thank you for coming on', 3], ['thanks for joining me', 3], ['thank you for joining me', 3],
    ['thanks for joining us', 2], ['welcome to the podcast', 3], ['welcome to the show', 3], ['welcome to the program', 3],
    ['my guest', 3], ['my guests', 3], ['our guest', 3], ['our guests', 2], ['i am joined by', 3], ['joining me today', 3],
    ['i will be speaking with', 3], ['i am speaking with', 3], ['i will be talking with', 3], ['i am talking with', 2],
    ['great to have you', 3], ['good to have you', 3], ['pleasure to have you', 3], ['glad to have you', 3],
    ['in this episode', 1], ['this episode', 1], ['podcast', 1], ['interview', 1],
  ],
  lecture: [
    ['in this lecture', 3], ['this lecture', 2], ['last lecture', 3], ['next lecture', 3], ['today we will cover', 3],
    ['today we are going to cover', 3], ['today we are going to talk about', 2], ['next slide', 3], ['this slide', 2],
    ['on the slide', 2], ['the slides', 1], ['slide', 1], ['homework', 2], ['problem set', 2], ['office hours', 2],
    ['midterm', 2], ['the exam', 2], ['this course', 2], ['this class', 1], ['syllabus', 2],
  ],
  panel: [
    ['panelists', 3], ['panelist', 3], ['our panel', 3], ['this panel', 3], ['the panel', 2], ['moderator', 2],
    ['each of you', 2], ['let me turn to', 2], ['open it up to the audience', 3], ['questions from the audience', 2],
  ],
  debate: [
    ['the motion', 3], ['this motion', 3], ['for the motion', 3], ['against the motion', 3], ['rebuttal', 3],
    ['opening statement', 3], ['closing statement', 3], ['my opponent', 3], ['this house', 2], ['i disagree', 1],
    ['the proposition', 2], ['the opposition', 1], ['debate', 1],
  ],
};

const QUESTIONS = [
  'do you think', 'what do you', 'how do you', 'why do you', 'can you tell', 'could you tell', 'can you explain',
  'could you explain', 'would you say', 'do you see', 'did you', 'have you', 'are you', 'you mentioned', 'you said',
  'tell us about', 'tell me about', 'what was your', 'what is your', 'how did you',
];

/**
 * The markers as lexicons, compiled into the scoring trie as a third channel (see compile-matcher.ts): the
 * same single walk finds them, phrases across cues included.
 */
export const EVIDENCE_MARKER_LEXICONS: readonly Lexicon[] = [
  ...Object.entries(MARKERS).map(([mode, markers]) => markerLexicon(mode, markers)),
  markerLexicon('question', QUESTIONS.map((q): Marker => [q, 1])),
];

function markerLexicon(mode: string, markers: Marker[]): Lexicon {
  return {
    id: `evidence-${mode}`,
    name: mode,
    version: '1',
    description: `Markers of the ${mode} evidence mode`,
    kind: 'spectrum',
    entries: markers.map(([pattern, weight]) => ({ pattern, weight, concept: mode })),
  };
}

/** `NAME:` or `>> NAME:` speaker labels at the start of a cue (uploaded captions of panels carry them). */
const SPEAKER_LABEL = /^\s*(?:>>\s*)?([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2}):/;

export interface EvidenceVotes {
  mode: EvidenceMode;
  votes: Record<EvidenceMode, number>;
}

/** `markers`: the marker channel of matchTokens; `words`: the transcript's token count. */
export function evidenceMode(markers: readonly TermMatch[], words: number, cues: readonly Cue[]): EvidenceVotes {
  const votes: Record<EvidenceMode, number> = { interview: 0, lecture: 0, panel: 0, debate: 0, monologue: 0 };
  let questions = 0;
  for (const match of markers) {
    for (const { entry } of match.entries) {
      if (entry.concept === 'question') questions++;
      else votes[entry.concept as EvidenceMode] += entry.weight;
    }
  }
  // Questions to a second person, per 1,000 words: conversations ask many, talks few.
  const perThousand = (questions * 1000) / Math.max(words, 1);
  if (perThousand >= 4) votes.interview += 3;
  else if (perThousand >= 2) votes.interview += 2;

  const speakers = new Set<string>();
  let turns = 0;
  for (const cue of cues) {
    if (cue.text.includes('>>')) turns++;
    const label = cue.text.includes(':') ? SPEAKER_LABEL.exec(cue.text)?.[1] : undefined;
    if (label) speakers.add(label.toLowerCase());
  }
  if (speakers.size >= 3) votes.panel += 4;
  else if (speakers.size === 2 || turns >= 10) votes.interview += 2;

  let mode: EvidenceMode = 'monologue';
  let best = MODE_THRESHOLD - Number.EPSILON;
  for (const candidate of ['interview', 'panel', 'debate', 'lecture'] as const) {
    if (votes[candidate] > best) {
      best = votes[candidate];
      mode = candidate;
    }
  }
  return { mode, votes };
}
