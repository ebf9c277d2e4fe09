import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSelectors, selectorProvenance } from '../../../src/youtube-page/youtube-selectors';

/**
 * Every YouTube selector carries its provenance (a month and a source, or "inferred" with what the guess rests
 * on), and no other file of `src/` writes a YouTube selector of its own: acquisition, the panel's placement and the
 * progress-bar strip all read the one table.
 */
const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'youtube');

const entries = allSelectors();

describe('youtube selectors', () => {
  it('lists the selectors the issue names (FACTS §6/§7)', () => {
    const css = entries.map((e) => e.selector.css);
    for (const wanted of ['.ytChapteredProgressBarHost', '.ytProgressBarLineHost', '.ytp-progress-bar', '.ytp-chapters-container', '#below', '#secondary']) {
      expect(css).toContain(wanted);
    }
    expect(entries.length).toBeGreaterThan(25);
  });

  it('provenance and table list the same entries', () => {
    expect(Object.keys(selectorProvenance).sort()).toEqual(entries.map((e) => e.name).sort());
  });

  it.each(entries.map((e) => [e.name, { ...e.selector, seen: selectorProvenance[e.name]?.seen ?? '', source: selectorProvenance[e.name]?.source ?? '' }] as const))('%s has its provenance', (_name, selector) => {
    expect(selector.css.trim()).not.toBe('');
    expect(selector.seen).toMatch(/^(20\d\d-(0[1-9]|1[0-2])|inferred)$/);
    expect(selector.source.length).toBeGreaterThan(10);
    if (selector.seen !== 'inferred') {
      // A dated selector names where it was seen: a FACTS section or a fixture we hold.
      const fixture = /fixture ([\w.-]+)/.exec(selector.source)?.[1];
      expect(/FACTS §\d/.test(selector.source) || (fixture !== undefined && readdirSync(FIXTURES).some((f) => f.startsWith(fixture)))).toBe(true);
    }
  });

  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  // Literal YouTube markup anywhere but the table: ytd-/yt-/ytp- elements and classes, and the page's ids.
  const YOUTUBE_LITERAL = /['"`][^'"`\n]*(\bytd-[a-z]|\.ytp-|\.yt[A-Z]|\bmovie_player\b|#below|#secondary|#video-preview|engagement-panel)[^'"`\n]*['"`]/;
  const files = sourceFiles(join(ROOT, 'src')).filter((f) => !f.endsWith(join('youtube-page', 'youtube-selectors.ts')));
  it.each(files.map((f) => relative(ROOT, f)))('%s writes no YouTube selector of its own', (file) => {
    const code = readFileSync(join(ROOT, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    expect(code).not.toMatch(YOUTUBE_LITERAL);
  });

  it('the fixture named as evidence exists', () => {
    expect(existsSync(join(FIXTURES, 'watch-page_web_2025-12_eF8Qqp7rjDg.html'))).toBe(true);
  });
});
