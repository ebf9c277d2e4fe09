/**
 * XML/HTML character references → text: numeric (`&#39;`, `&#x27;`) and the named entities that occur in
 * caption text. Unknown names and bare `&` stay as written (captions are text, not markup to validate).
 * One pass, so `&amp;#39;` becomes `&#39;` — srv1 bodies are escaped twice and need a second call.
 */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(ENTITY, decodeOne);
}

// Bounded quantifiers and disjoint alternatives: linear, no backtracking blow-up.
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', bull: '\u2022', middot: '\u00b7',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', times: '\u00d7', euro: '\u20ac',
  pound: '\u00a3', cent: '\u00a2', yen: '\u00a5', sect: '\u00a7', para: '\u00b6', iexcl: '\u00a1',
  iquest: '\u00bf', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f',
  aacute: '\u00e1', eacute: '\u00e9', iacute: '\u00ed', oacute: '\u00f3', uacute: '\u00fa',
  Aacute: '\u00c1', Eacute: '\u00c9', Iacute: '\u00cd', Oacute: '\u00d3', Uacute: '\u00da',
  agrave: '\u00e0', egrave: '\u00e8', ugrave: '\u00f9', ntilde: '\u00f1', Ntilde: '\u00d1',
  auml: '\u00e4', ouml: '\u00f6', uuml: '\u00fc', Auml: '\u00c4', Ouml: '\u00d6', Uuml: '\u00dc',
  szlig: '\u00df', ccedil: '\u00e7', Ccedil: '\u00c7', ecirc: '\u00ea', acirc: '\u00e2',
};

function decodeOne(match: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name] ?? match;
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  return fromCodePoint(code);
}

function fromCodePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}
