import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/captions/decode-entities';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { parsePlainText } from '../../../src/captions/parse-plain-text';
import { parseXml, textContent, XmlError } from '../../../src/captions/parse-xml';

describe('parsePlainText', () => {
  it('one cue per non-empty line, synthetic times at 2.5 words/s from 0', () => {
    expect(parsePlainText('hello there world\n\n  \r\n[Music]\r\nfive words are in here')).toEqual([
      { startMs: 0, endMs: 1200, text: 'hello there world' },
      { startMs: 1200, endMs: 1600, text: '[Music]' },
      { startMs: 1600, endMs: 3600, text: 'five words are in here' },
    ]);
  });

  it.each([
    [12, [12]],
    [13, [7, 6]],
    [20, [7, 6, 7]],
    [21, [7, 7, 7]],
    [50, [7, 7, 7, 8, 7, 7, 7]],
  ])('a %i-word line → chunks of %j words', (count, sizes) => {
    const line = Array.from({ length: count }, (_, i) => `w${i}`).join(' ');
    const cues = parsePlainText(line);
    expect(cues.map((cue) => cue.text.split(' ').length)).toEqual(sizes);
    expect(cues.map((cue) => cue.text).join(' ')).toBe(line);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.startMs).toBe(cues[i - 1]!.endMs);
  });

  it('is what parseCaptions uses for a body that is none of the formats', () => {
    expect(parseCaptions('so what do you think about alignment').format).toBe('text');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['a &amp; b', 'a & b'],
    ['&lt;i&gt;x&lt;/i&gt;', '<i>x</i>'],
    ['what&#39;s &#x27;up&#X27;', "what's 'up'"],
    ['&quot;q&quot; &apos;a&apos;', '"q" \'a\''],
    ['&amp;#39;', '&#39;'],
    ['caf&eacute; &hellip; &nbsp;x', 'caf\u00e9 \u2026 \u00a0x'],
    ['&#128512;', '\u{1F600}'],
    ['&#0; &#xD800; &#1114112;', '\ufffd \ufffd \ufffd'],
    ['AT&T & &unknown; &', 'AT&T & &unknown; &'],
    ['no entities', 'no entities'],
  ])('%j → %j', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });

  it('is linear on adversarial input', () => {
    const evil = '&'.repeat(200_000) + '#'.repeat(200_000);
    expect(decodeEntities(evil)).toBe(evil);
  });
});

describe('parseXml', () => {
  it('reads elements, attributes (both quotes, entities), text, CDATA, and skips comments / PIs / DOCTYPE', () => {
    const root = parseXml(`<?xml version="1.0"?><!DOCTYPE x><!-- c --><r a='1' b="x &amp; y"><p>one<br/>two</p><![CDATA[<raw>]]><e/></r>\n`);
    expect(root.name).toBe('r');
    expect(root.attrs).toEqual({ a: '1', b: 'x & y' });
    expect(textContent(root)).toBe('one two<raw>');
  });

  it.each([
    ['<r><p></r>', /mismatched <\/r> for <p>/],
    ['<r>', /<r> is not closed/],
    ['<r a="1></r>', /unexpected end of document inside <r>/],
    ['<r a></r>', /attribute a of <r> has no value/],
    ['</r>', /closing tag <\/r> without an open element/],
    ['', /no root element/],
    ['<r/>x', /text outside the root element/],
    ['<r><</r>', /invalid "<"/],
    ['<r><p', /unexpected end of document inside <p>/],
    ['<r></r', /inside a closing tag/],
    ['<r><![CDATA[x</r>', /unterminated CDATA/],
  ])('%j → XmlError %s', (source, message) => {
    expect(() => parseXml(source)).toThrow(XmlError);
    expect(() => parseXml(source)).toThrow(message);
  });

  it('parses a large srv3-like body quickly enough to be linear (no assertion on time)', () => {
    const body = `<timedtext format="3"><body>${'<p t="1" d="2"><s>a</s><s t="1"> b</s></p>\n'.repeat(50_000)}</body></timedtext>`;
    expect(parseCaptions(body).cues).toHaveLength(50_000);
  });
});
