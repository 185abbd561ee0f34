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
import { documentFacts } from '../../src/lib/analysis/facts';
import { toAkomaNtoso } from '../../src/lib/export/akn';
import { aknEids } from '../../src/lib/vocabulary/eids';
import {
  COMMITMENT_COLUMNS,
  commitmentRows,
  TARGET_COLUMNS,
  toCommitmentsCsv,
  toTargetsCsv,
} from '../../src/lib/export/csv';
import { fieldDocs } from '../../src/lib/export/fields';
import { downloads } from '../../src/lib/export/downloads';
import { downloadBody } from '../../src/lib/export/files';
import { toDocumentJson, toFactsJson } from '../../src/lib/export/json';
import { publicSite, publicUrl, RELATIVE_LINKS_WARNING } from '../../src/lib/export/links';
import openData from '../../src/integrations/open-data';
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

  /** What each node says and where it is: every field a reader sees, in reading order. */
  const contentOf = (document: Document): unknown[] =>
    flatten(document.nodes).map(({ kind, id, num, label, heading, text, line }) => [
      kind,
      id,
      num,
      label,
      heading,
      text,
      line,
    ]);

  it('keeps every node and word of the tree', () => {
    expect(contentOf(JSON.parse(json) as Document)).toEqual(contentOf(seed));
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('would notice a lost word, a changed label or a moved node', () => {
    const spoil = (change: (nodes: ReturnType<typeof flatten>) => void): Document => {
      const copy = JSON.parse(json) as Document;
      change(flatten(copy.nodes));
      return copy;
    };
    const seven = (nodes: ReturnType<typeof flatten>) =>
      nodes.find((node) => node.id === 'chi-tieu-7');
    for (const broken of [
      spoil((nodes) => {
        const node = seven(nodes);
        if (node?.text) node.text = node.text.replace('2.500 ', '');
      }),
      spoil((nodes) => {
        const node = seven(nodes);
        if (node) node.label = '(8)';
      }),
      spoil((nodes) => {
        const node = seven(nodes);
        if (node) node.line += 1;
      }),
    ]) {
      expect(contentOf(broken)).not.toEqual(contentOf(seed));
    }
  });
});

describe('facts JSON', () => {
  it('holds the facts read from the text, valid against their schema', () => {
    const facts = JSON.parse(toFactsJson(seed)) as unknown;
    expect(facts).toEqual(documentFacts(seed));
    expect(facts).toMatchObject({ number: null, inForce: { date: '2025-12-16' } });
  });
});

describe('targets CSV', () => {
  const csv = toTargetsCsv(seed, urlOf);
  const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;

  it('starts with a byte-order mark and the documented header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(TARGET_COLUMNS.join(','));
  });

  it('has one row per target, all 21 in order, target 17 without a figure included', () => {
    expect(rows.map((row) => row['target'])).toEqual(
      Array.from({ length: 21 }, (_, i) => String(i + 1)),
    );
    expect(rows.find((row) => row['target'] === '17')).toMatchObject({
      id: 'chi-tieu-17',
      text: 'Toàn tỉnh không còn hộ nghèo theo chuẩn nghèo đa chiều quốc gia.',
      figures: '',
      group: 'Về xã hội',
    });
  });

  it('holds each target verbatim with its figures, group, place and linked tasks', () => {
    const six = rows.find((row) => row['target'] === '6');
    expect(six).toMatchObject({
      id: 'chi-tieu-6',
      url: urlOf('chi-tieu-6'),
      citation: 'chỉ tiêu 6 điểm a khoản 2 Điều 1',
      group: 'Về kinh tế',
      figures: 'trên 74.000 tỷ đồng; trên 56.500 tỷ đồng; 17.500 tỷ đồng',
      tasks: 'dieu-1.khoan-3-1.diem-d.doan-1',
    });
    const byId = new Map(flatten(seed.nodes).map((node) => [node.id, node]));
    for (const row of rows) expect(row['text']).toBe(byId.get(row['id'] ?? '')?.text);
  });
});

describe('targets and commitments of other resolutions', () => {
  it('lists every target of a plan of another province, the one without a figure too', () => {
    const { document: plan } = loadDocumentFile('tests/fixtures/analysis/ke-hoach-tinh-mau.txt');
    const rows = parse(toTargetsCsv(plan, urlOf), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((row) => row['target'])).toEqual(
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    );
    expect(rows[6]).toMatchObject({ group: 'Về xã hội', figures: '13 bác sĩ' });
    expect(rows[11]?.['figures']).toBe('');
  });

  it('writes a header alone for a resolution without targets, and its figures apart', () => {
    for (const [name, document] of corpus()) {
      const targets = parse(toTargetsCsv(document, urlOf), { bom: true, columns: true });
      expect(targets, name).toEqual([]);
    }
    const [, budget] = corpus().find(([name]) => name.startsWith('phuyen')) ?? [];
    const rows = parse(toCommitmentsCsv(budget as Document, urlOf), {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({
      target: '',
      id: 'dieu-1.khoan-1',
      text: '3.790.000 triệu đồng',
      value: '3790000',
      unit: 'triệu đồng',
    });
  });
});

describe('commitments CSV', () => {
  const csv = toCommitmentsCsv(seed, urlOf);
  const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;

  it('starts with a byte-order mark and the documented header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(COMMITMENT_COLUMNS.join(','));
  });

  it('parses back to one row per indicator, targets first', () => {
    const expected = commitmentRows(seed, urlOf);
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
    expect(three?.['citation']).toBe('chỉ tiêu 3 điểm a khoản 2 Điều 1');
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

describe('links in the open data', () => {
  const path = '/quang-ninh-ktxh-2026/dieu-1-khoan-2/#chi-tieu-7';

  it('are absolute from SITE_URL, and site-relative when it is unset', () => {
    const site = publicSite({ SITE_URL: 'https://nghiquyet.example.vn' });
    expect(publicUrl(path, site)).toBe(`https://nghiquyet.example.vn${path}`);
    expect(publicSite({})).toBeNull();
    expect(publicSite({ SITE_URL: '  ' })).toBeNull();
    expect(publicUrl(path, publicSite({}))).toBe(path);
  });

  it('stop with one line naming SITE_URL when it is not a web address', () => {
    expect(() => publicSite({ SITE_URL: 'nghiquyet.example.vn' })).toThrow(
      /^SITE_URL=nghiquyet\.example\.vn: [^\n]+$/,
    );
    expect(() => publicSite({ SITE_URL: 'ftp://example.vn' })).toThrow(/http:\/\/ or https:/);
  });

  it('are announced in one line at the start of a build without SITE_URL', () => {
    const warnings: string[] = [];
    const logger = { warn: (line: string) => warnings.push(line) };
    const start = (env: Record<string, string>): void => {
      const hook = openData(env).hooks['astro:build:start'];
      void hook?.({ logger } as unknown as Parameters<NonNullable<typeof hook>>[0]);
    };
    start({ SITE_URL: 'https://nghiquyet.example.vn' });
    expect(warnings).toEqual([]);
    start({});
    expect(warnings).toEqual([RELATIVE_LINKS_WARNING]);
    expect(RELATIVE_LINKS_WARNING).not.toContain('\n');
    expect(() => start({ SITE_URL: 'localhost:4321' })).toThrow(/^SITE_URL=localhost:4321: /);
  });

  it('put all 21 seed targets in the targets file with absolute links when SITE_URL is set', () => {
    const site = publicSite({ SITE_URL: 'https://nghiquyet.example.vn' });
    const body = downloadBody('targets', seed, {
      doc: 'quang-ninh-ktxh-2026',
      urlOf: (id) => publicUrl(`/quang-ninh-ktxh-2026/trang/#${id}`, site),
    });
    const rows = parse(body, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(21);
    for (const row of rows) expect(row['url']).toMatch(/^https:\/\/nghiquyet\.example\.vn\//);
    expect(body).not.toContain('localhost');
  });

  it('list five downloads per document, each a distinct file', () => {
    const files = downloads('x').map((download) => download.file);
    expect(files).toEqual([
      'x.json',
      'x-thong-tin.json',
      'x-chi-tieu.csv',
      'x-cam-ket.csv',
      'x.akn.xml',
    ]);
  });
});

describe('documented fields', () => {
  const { document: plan } = loadDocumentFile('tests/fixtures/analysis/ke-hoach-tinh-mau.txt');
  const examples = (document: Document, doc: string): string[] =>
    Object.values(fieldDocs(document, doc, (id) => `/${doc}/trang/#${id}`))
      .flat()
      .flatMap((field) => (field.example === null ? [] : [field.example]));

  it('document every column and file the downloads hold', () => {
    const fields = fieldDocs(seed, 'quang-ninh-ktxh-2026', urlOf);
    expect(fields.targets.map((field) => field.name)).toEqual([...TARGET_COLUMNS]);
    expect(fields.commitments.map((field) => field.name)).toEqual([...COMMITMENT_COLUMNS]);
    expect(fields.facts.map((field) => field.name)).toEqual(Object.keys(documentFacts(seed)));
    for (const field of Object.values(fields).flat())
      expect(field.meaning.length).toBeGreaterThan(10);
  });

  it("take their examples from the document's own text", () => {
    const fields = fieldDocs(plan, 'ke-hoach-tinh-mau', urlOf);
    expect(fields.json.find((field) => field.name === 'text')?.example).toBe(
      '"Tốc độ tăng trưởng kinh tế (GRDP) đạt 9% - 9,5%."',
    );
    expect(fields.targets.find((field) => field.name === 'figures')?.example).toBe('9% - 9,5%');
    expect(fields.facts.find((field) => field.name === 'number')?.example).toBe('"45/NQ-HĐND"');
    for (const example of examples(plan, 'ke-hoach-tinh-mau')) {
      expect(example).not.toMatch(/Quảng Ninh|2\.500|2025-12-16|quang-ninh/);
    }
  });

  it('say there is no example where the document has none, instead of borrowing one', () => {
    const [name, document] = corpus().find(([n]) => n.startsWith('hanoi')) ?? [];
    expect(name).toBeDefined();
    const fields = fieldDocs(document as Document, name ?? '', urlOf);
    expect(fields.targets.every((field) => field.example === null)).toBe(true);
    for (const example of examples(document as Document, name ?? '')) {
      expect(example).not.toMatch(/Quảng Ninh|chi-tieu-7|2\.500/);
    }
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
