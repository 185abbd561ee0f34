/**
 * Seed → .docx (built here, with Word's automatic numbering for the labels Word can count,
 * tracked changes, fields, split runs, legacy fonts, header and signature tables) → import →
 * parse: the same tree and ids as parsing the seed itself.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { encodeLegacy } from '../../src/lib/import/legacy.ts';
import { importBytes } from '../../src/lib/import/source.ts';
import { readCorpus } from '../support/shared.ts';
import { buildDocx, level, para, run, table } from './import-docx-build.ts';

const SEED = readFileSync('seeds/quang-ninh-ktxh-2026.txt', 'utf8');

/** The list behind generated labels: articles, clauses, sub-clauses and points. */
const NUMBERING =
  `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', 'Điều %1.')}${level(1, 'decimal', '%2.')}` +
  `${level(2, 'decimal', '%2.%3.')}${level(3, 'lowerLetter', '%4)')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

/** Label patterns by list level, with the value Word would count for each. */
const LEVELS: [RegExp, (m: RegExpExecArray) => number][] = [
  [/^Điều (\d+)\.\s+/u, (m) => Number(m[1])],
  [/^(\d+)\.\s+/u, (m) => Number(m[1])],
  [/^\d+\.(\d+)\.\s+/u, (m) => Number(m[1])],
  [/^([a-z])\)\s+/u, (m) => (m[1] as string).charCodeAt(0) - 0x60],
];

/** Word's counters as the generator advances them, to number only what Word would number alike. */
class Counters {
  private values: number[] = [];
  /** The value the next paragraph at a level would show. */
  peek(ilvl: number): number {
    return (this.values[ilvl] ?? 0) + 1;
  }
  /** Counts a numbered paragraph; deeper levels restart. */
  take(ilvl: number): void {
    this.values[ilvl] = this.peek(ilvl);
    this.values.length = ilvl + 1;
  }
}

/** The runs of a text, split at a few word boundaries, some carrying a field or a tracked change. */
function runsOf(text: string, i: number, font: 'vni' | 'tcvn3' | null): string {
  const words = text.split(/(?<= )/);
  const chunks: string[] = [];
  for (let k = 0; k < words.length; k += 3) chunks.push(words.slice(k, k + 3).join(''));
  const rPr = font === 'vni' ? '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>' : font === 'tcvn3' ? '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>' : '';
  const encode = (s: string): string => (font ? encodeLegacy(s, font) : s);
  return chunks
    .map((chunk, k) => {
      const plain = run(encode(chunk), rPr);
      if (k === 1 && i % 5 === 0) return `<w:ins w:id="${i}" w:author="T">${plain}</w:ins>`;
      if (k === 1 && i % 5 === 1) return `<w:del w:id="${i}" w:author="T"><w:r><w:delText>BỊ XÓA </w:delText></w:r></w:del>${plain}`;
      if (k === 1 && i % 5 === 2) {
        return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD lenh </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${plain}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
      }
      return plain;
    })
    .join('');
} // prettier-ignore

/** Whether a line can be written in a TCVN3 font: lower-case letters and the seven capitals it has. */
function fitsTcvn3(text: string): boolean {
  return !/[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/u.test(text);
}

/** A .docx of a seed text. */
function seedToDocx(seed: string, legacy: boolean): Uint8Array {
  const lines = seed.split('\n');
  const counters = new Counters();
  const body: string[] = [];
  const recipients = lines.findIndex((l) => /^Nơi nhận/u.test(l));
  const end = recipients === -1 ? lines.length : recipients;
  lines.slice(0, end).forEach((line, i) => {
    if (line.trim() === '') return;
    if (i === 0 && /ngày \d+ tháng/u.test(line)) {
      body.push(table([['', para(run(line))]]));
      return;
    }
    const font = legacy
      ? i % 3 === 0
        ? 'vni'
        : i % 3 === 1 && fitsTcvn3(line)
          ? 'tcvn3'
          : null
      : null;
    for (const [ilvl, [pattern, value]] of LEVELS.entries()) {
      const m = pattern.exec(line);
      if (m && value(m) === counters.peek(ilvl) && !(ilvl === 1 && /^\d+\.\d/.test(line))) {
        counters.take(ilvl);
        const numPr = `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;
        body.push(para(runsOf(line.slice(m[0].length), i, font), numPr));
        return;
      }
    }
    body.push(para(runsOf(line, i, font)));
  });
  if (recipients !== -1) {
    const rest = lines.slice(recipients).filter((l) => l.trim() !== '');
    const signer = rest.findIndex(
      (l) => /\p{Lu}/u.test(l) && l === l.toUpperCase() && !/^\s*-/.test(l),
    );
    const left = rest.slice(0, signer).map((l) => para(run(l)));
    const right = rest.slice(signer, signer + 2).map((l) => para(run(l)));
    body.push(table([[left.join(''), right.join('')]]));
    for (const l of rest.slice(signer + 2)) body.push(para(run(l)));
  }
  return buildDocx({ body: body.join('\n'), numbering: NUMBERING });
}

/** A tree without line numbers: what must match between a seed and its import. */
function shape(document: Document): unknown {
  const strip = (node: Document['nodes'][number]): unknown => {
    const { children, ...rest } = node;
    return { ...rest, line: undefined, children: children.map(strip) };
  };
  return { meta: document.meta, nodes: document.nodes.map(strip) };
}

/** Every id in a tree, in order. */
function ids(document: Document): string[] {
  const out: string[] = [];
  const visit = (node: Document['nodes'][number]): void => {
    out.push(node.id);
    node.children.forEach(visit);
  };
  document.nodes.forEach(visit);
  return out;
}

describe('seed → .docx → import: the same tree and ids', () => {
  const texts: [string, string][] = [
    ['the seed', SEED],
    ['a corpus resolution', readCorpus('phuyen-2016-57-nq-hdnd-dutoan')],
  ];
  for (const legacy of [false, true]) {
    it.each(texts)(`%s${legacy ? ' in VNI and TCVN3 fonts' : ''}`, (_name, text) => {
      const docx = seedToDocx(text, legacy);
      const imported = importBytes(docx, 'seed.docx').text;
      expect(imported).not.toMatch(/BỊ XÓA|MERGEFIELD/u);
      const expected = parseDocument(text).document;
      const actual = parseDocument(imported).document;
      expect(ids(actual)).toEqual(ids(expected));
      expect(shape(actual)).toEqual(shape(expected));
    });
  }

  it('numbers labels through numbering.xml, not as typed text', () => {
    const parts = unzipSync(seedToDocx(SEED, false));
    const xml = strFromU8(parts['word/document.xml'] as Uint8Array);
    expect(xml).not.toContain('Điều 1.');
    expect(xml.match(/<w:numPr>/g)?.length).toBeGreaterThanOrEqual(20);
    const numbering = strFromU8(parts['word/numbering.xml'] as Uint8Array);
    expect(numbering).toContain('<w:lvlText w:val="Điều %1."/>');
  });
});
