import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../../../src/lexicons/lexicon';
import { compileMatcher } from '../../../src/scoring/compile-matcher';
import { matchTokens } from '../../../src/scoring/match-tokens';

const risk: Lexicon = {
  id: 'r', name: 'r', version: '1', description: '', kind: 'spectrum',
  entries: [
    { pattern: 'risk', weight: -1 },
    { pattern: 'existential risk', weight: -3 },
    { pattern: 'catastroph*', weight: -2 },
    { pattern: 'catastrophic forgetting', weight: 0 },
    { pattern: 'lose* control', weight: -2 },
  ],
};
const other: Lexicon = { id: 'o', name: 'o', version: '1', description: '', kind: 'spectrum', entries: [{ pattern: 'risk', weight: -0.5 }, { pattern: 'risk*', weight: -9 }] };
const lens: Lexicon = {
  id: 'l', name: 'l', version: '1', description: '', kind: 'lens',
  entries: [{ pattern: 'risk', weight: 0, lens: 'Governance' }, { pattern: 'existential risk research', weight: 0, lens: 'Technical' }],
};

const found = (text: string, lexicons: Lexicon[]) => {
  const tokens = text.split(' ');
  const matches = matchTokens(tokens, compileMatcher(lexicons));
  return {
    spectrum: matches.spectrum.map((m) => `${tokens.slice(m.start, m.end).join(' ')}:${m.entries.map((e) => e.entry.weight).join('/')}`),
    lens: matches.lens.map((m) => tokens.slice(m.start, m.end).join(' ')),
  };
};

describe('matchTokens', () => {
  it.each([
    ['an existential risk here', ['existential risk:-3']],
    ['a risk here', ['risk:-1']],
    ['catastrophic and catastrophe', ['catastrophic:-2', 'catastrophe:-2']],
    ['catastrophic forgetting again', ['catastrophic forgetting:0']],
    ['we lose control then loses control', ['lose control:-2', 'loses control:-2']],
    ['nothing here at all', []],
  ])('longest match wins and consumes: %s', (text, expected) => {
    expect(found(text, [risk]).spectrum).toEqual(expected);
  });

  it('lets each lexicon contribute once at the winning length, an exact word before a wildcard', () => {
    expect(found('risk', [risk, other]).spectrum).toEqual(['risk:-1/-0.5']);
    expect(found('risky', [risk, other]).spectrum).toEqual(['risky:-9']);
  });

  it('resolves lens and spectrum matches independently', () => {
    const result = found('existential risk research matters', [risk, lens]);
    expect(result.spectrum).toEqual(['existential risk:-3']);
    expect(result.lens).toEqual(['existential risk research']);
  });

  it('compiles afresh on every call: no module-level memo (the worker keeps one per service, matcher-memo.ts)', () => {
    const set = [risk];
    const a = compileMatcher(set);
    const b = compileMatcher(set);
    expect(a).not.toBe(b);
    expect(b).toEqual(a);
  });
});
