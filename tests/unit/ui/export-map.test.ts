import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvText, formatTerm, mapToCsv } from '../../../src/scoring/map-csv';
import { exportFileName, mapToJson } from '../../../src/ui/shared/export-map';
import { sampleMap } from './ui-test-deps';

/** A minimal RFC 4180 reader, so the test checks what a spreadsheet would see rather than our own string. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('mapToCsv', () => {
  it('writes a header and one row per slice', () => {
    const rows = parseCsv(mapToCsv(sampleMap()));
    expect(rows[0]).toEqual(CSV_HEADER.split(','));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['0', '0', '61000', '-22', 'risk-forward', 'existential risk(-3.0); alignment(-1.3)']);
    expect(rows[2]).toEqual(['1', '61000', '125500', '0', 'mixed', '']);
    expect(rows[3]).toEqual(['2', '125500', '190000', '19', 'opportunity-forward', 'cure diseases(+2.0)']);
  });

  it('keeps hostile term text inside its one field', () => {
    const map = sampleMap();
    map.slices[0]!.terms = [
      { term: 'say "hi", then\nleave', lexicon: 'x', contribution: 1, cueIndex: 0, timeMs: 0 },
      { term: 'a,b', lexicon: 'x', contribution: -0.5, cueIndex: 0, timeMs: 0 },
    ];
    const rows = parseCsv(mapToCsv(map));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveLength(6);
    expect(rows[1]![5]).toBe('say "hi", then\nleave(+1.0); a,b(-0.5)');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const map = sampleMap();
    map.slices[0]!.terms = [{ term: '=HYPERLINK("http://evil")', lexicon: 'x', contribution: 1, cueIndex: 0, timeMs: 0 }];
    const field = parseCsv(mapToCsv(map))[1]![5]!;
    expect(field.startsWith("'=")).toBe(true);
  });
});

describe('csvText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "x"', '"say ""x"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });
});

describe('formatTerm', () => {
  it.each([
    [1.2, 'x(+1.2)'],
    [-0.74, 'x(-0.7)'],
    [0, 'x(+0.0)'],
    [-0.04, 'x(+0.0)'],
    [3, 'x(+3.0)'],
    [-12.26, 'x(-12.3)'],
  ])('%d → %s', (contribution, expected) => {
    expect(formatTerm({ term: 'x', contribution })).toBe(expected);
  });
});

describe('mapToJson / exportFileName', () => {
  it('JSON is the map as is', () => {
    const map = sampleMap();
    expect(JSON.parse(mapToJson(map))).toEqual(map);
  });

  it.each([
    ['4WNWeUQ7Hfc', 'csv', 'perspective-map-4WNWeUQ7Hfc.csv'],
    ['../etc/passwd', 'json', 'perspective-map-___etc_passwd.json'],
    [undefined, 'json', 'perspective-map-video.json'],
  ] as const)('%s.%s → %s', (videoId, ext, expected) => {
    expect(exportFileName(sampleMap({ videoId }), ext)).toBe(expected);
  });
});
