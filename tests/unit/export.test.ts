import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import { parseDocument } from '../../src/lib/document/parse';
import { DocumentSchema, type Document } from '../../src/lib/document/schema';
import { flatten, walk } from '../../src/lib/document/tree';
import { withIndicators } from '../../src/lib/analysis/indicators';
import { aknEids, toAkomaNtoso } from '../../src/lib/export/akn';
import { CSV_COLUMNS, indicatorRows, toIndicatorsCsv } from '../../src/lib/export/csv';
import { toDocumentJson } from '../../src/lib/export/json';
import { aknSchemaFile, corpusNames, readCorpus } from '../support/shared';

const SCHEMA = aknSchemaFile();
const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
const urlOf = (id: string): string => `https://example.org/quang-ninh-ktxh-2026/trang/#${id}`;
const scratch = mkdtempSync(join(tmpdir(), 'akn-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs xmllint against the OASIS schema; returns its exit status and messages. */
function validate(xml: string, name: string): { status: number | null; output: string } {
  const file = join(scratch, `${name}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (run.error)
    throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The corpus resolutions, parsed (their first line is a source note). */
function corpus(): Array<[string, Document]> {
  return corpusNames().map((name) => [name, parseDocument(readCorpus(name)).document]);
}

describe('JSON export', () => {
  const json = toDocumentJson(seed);

  it('parses back into a valid document with the indicators of every target', () => {
    const back = DocumentSchema.parse(JSON.parse(json));
    expect(back.meta).toEqual(seed.meta);
    const targets = flatten(back.nodes).filter((node) => node.kind === 'target');
    expect(targets).toHaveLength(21);
    for (const target of targets) expect(target.indicators).toBeDefined();
    expect(back).toEqual(withIndicators(seed));
  });

  it('keeps every node and word of the tree', () => {
    const ids = (document: Document): string[] => flatten(document.nodes).map((node) => node.id);
    expect(ids(JSON.parse(json) as Document)).toEqual(ids(seed));
    expect(json.endsWith('}\n')).toBe(true);
  });
});

describe('CSV export', () => {
  const csv = toIndicatorsCsv(seed, urlOf);
  const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;

  it('starts with a byte-order mark and the documented header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(CSV_COLUMNS.join(','));
  });

  it('parses back to one row per indicator, targets first', () => {
    const expected = indicatorRows(seed, urlOf);
    expect(rows).toHaveLength(expected.length);
    const targetRows = rows.filter((row) => row['target'] !== '');
    expect(targetRows).toHaveLength(33);
    expect(rows.slice(0, 33)).toEqual(targetRows);
    expect(rows.map((row) => row['text'])).toEqual(expected.map((row) => row.text));
  });

  it('writes numbers with a dot, empty cells for null, and the clause URL', () => {
    const nine = rows.find((row) => row['target'] === '9');
    expect(nine).toMatchObject({
      id: 'chi-tieu-9',
      url: urlOf('chi-tieu-9'),
      text: 'từ 12,5% - 13%',
      value: '',
      min: '12.5',
      max: '13',
      comparator: 'range',
      unit: '%',
    });
    const three = rows.find((row) => row['target'] === '3');
    expect(three).toMatchObject({ value: '11800', comparator: 'gte', unit: 'USD' });
    expect(three?.['citation']).toBe('Điều 1 › khoản 2 › điểm a › chỉ tiêu 3');
    const outside = rows.find((row) => row['text'] === '2 - 2,5 tỷ USD');
    expect(outside).toMatchObject({ target: '', min: '2', max: '2.5', unit: 'tỷ USD' });
  });

  it('keeps commas, quotes and line breaks inside cells', () => {
    const six = rows.filter((row) => row['target'] === '6');
    expect(six.map((row) => row['subject'])).toContain('Tổng thu ngân sách nhà nước trên địa bàn');
    const thirteen = rows.find((row) => row['target'] === '13');
    expect(thirteen?.['subject']).toContain('(bao gồm tỷ lệ thất nghiệp thành thị');
  });
});

describe('Akoma Ntoso export', () => {
  const xml = toAkomaNtoso(seed, { doc: 'quang-ninh-ktxh-2026' });

  it('validates against the OASIS Akoma Ntoso 3.0 schema', () => {
    const { status, output } = validate(xml, 'seed');
    expect(output).toContain('validates');
    expect(status).toBe(0);
  });

  it('validates for every corpus resolution too', () => {
    for (const [name, document] of corpus()) {
      const { status, output } = validate(toAkomaNtoso(document, { doc: name }), name);
      expect(`${name}: ${output}`).toContain('validates');
      expect(status).toBe(0);
    }
  });

  it('carries FRBR identification of work, expression and manifestation', () => {
    const work =
      '/akn/vn/act/nghi-quyet/hoi-dong-nhan-dan-tinh-quang-ninh/2025-12-16/quang-ninh-ktxh-2026';
    expect(xml).toContain(`<FRBRthis value="${work}/!main"/>`);
    expect(xml).toContain(`<FRBRuri value="${work}/vie@"/>`);
    expect(xml).toContain(`<FRBRuri value="${work}/vie@.akn"/>`);
    expect(xml).toContain('<FRBRlanguage language="vie"/>');
    expect(xml).toContain('<FRBRcountry value="vn"/>');
  });

  it('names elements by the AKN convention', () => {
    const eIds = aknEids(seed);
    expect(eIds.get('dieu-1')).toBe('art_1');
    expect(eIds.get('dieu-1.khoan-2')).toBe('art_1__para_2');
    expect(eIds.get('dieu-1.khoan-3-2.diem-b')).toBe('art_1__para_3__subpara_2__point_b');
    expect(eIds.get('chi-tieu-7')).toBe('art_1__para_2__point_a__point_7');
    expect(eIds.get('dieu-1.khoan-3-2.diem-b.doan-3')).toBe(
      'art_1__para_3__subpara_2__point_b__hcontainer_3',
    );
    expect(eIds.get('can-cu-2')).toBe('cits_1__cit_2');
    expect(xml).toContain('<point eId="art_1__para_2__point_a__point_7" class="chi-tieu">');
  });

  it('gives every body node a unique eId that appears in the file', () => {
    const eIds = aknEids(seed);
    const values = [...eIds.values()];
    expect(new Set(values).size).toBe(values.length);
    walk(seed.nodes, (node, ancestors) => {
      if ([...ancestors, node].some((n) => n.kind === 'article')) {
        expect(eIds.has(node.id)).toBe(true);
      }
    });
    for (const eId of values) expect(xml).toContain(`eId="${eId}"`);
  });

  it('keeps every word of the document, in order', () => {
    const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');
    const body = xml.slice(xml.indexOf('<preface>'));
    const text = body
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const expected: string[] = [];
    walk(seed.nodes, (node) => {
      for (const part of [node.label, node.heading, node.text])
        if (part) expected.push(...words(part));
    });
    expect(words(text)).toEqual(expected);
  });

  it('stops with one line naming the document when it has no date', () => {
    const undated = { ...seed, meta: { ...seed.meta, date: null } };
    expect(() => toAkomaNtoso(undated, { doc: 'x' })).toThrow(/^x: no date in the document/);
  });
});
