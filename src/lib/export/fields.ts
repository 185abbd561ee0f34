/**
 * The fields of the downloads, described in Vietnamese for the "Dữ liệu mở" page; the English
 * reference for developers is `docs/open-data.md`. Keep both in step with `csv.ts`, `json.ts`,
 * `akn.ts`, `../analysis/facts.ts` and `src/lib/document/schema.ts`.
 *
 * The meanings are the same for every document; the examples are taken from the document the
 * page is about (its first target, its first figure…), so a page never shows another
 * resolution's words. Where the document has nothing to show (no range, no number), the
 * example is null and the page says so.
 */
import type { DocNode, Document } from '../document/schema.ts';
import { flatten } from '../document/tree.ts';
import { documentFacts } from '../analysis/facts.ts';
import { frbr } from './akn.ts';
import { aknEids } from '../vocabulary/eids.ts';
import {
  COMMITMENT_COLUMNS,
  commitmentRows,
  TARGET_COLUMNS,
  targetRows,
  type CommitmentRow,
  type TargetRow,
  type UrlOf,
} from './csv.ts';
import { unavailable, type MadeKind } from './downloads.ts';

/** One documented field: name, meaning, and an example from the document (null when none). */
export interface FieldDoc {
  name: string;
  meaning: string;
  example: string | null;
}

/** Longest example, in characters: a field's first words are enough to show its form. */
const EXAMPLE_LIMIT = 80;

/** An example cut at a word with an ellipsis when long. */
function short(text: string): string {
  if (text.length <= EXAMPLE_LIMIT) return text;
  const cut = text.slice(0, EXAMPLE_LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXAMPLE_LIMIT / 2))}…`;
}

/** A JSON string value as the file writes it, shortened. */
function quoted(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : JSON.stringify(short(text));
}

/** A cell as the CSV writes it: numbers with a dot, null as nothing to show. */
function cell(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : short(String(value));
}

/** The node the examples come from: the first target, else the first body node with words. */
function sampleNode(document: Document): DocNode | null {
  const nodes = flatten(document.nodes);
  return (
    nodes.find((node) => node.kind === 'target') ??
    nodes.find((node) => node.kind === 'clause' && node.text !== null) ??
    nodes.find((node) => node.text !== null) ??
    null
  );
}

/** Fields of the JSON tree. */
function jsonFields(document: Document): FieldDoc[] {
  const sample = sampleNode(document);
  const nodes = flatten(document.nodes);
  const headed = nodes.find((node) => node.heading !== null);
  const figure = nodes.find((node) => (node.indicators?.length ?? 0) > 0)?.indicators?.[0];
  return [
    {
      name: 'format',
      meaning: 'Phiên bản định dạng (ở gốc tệp); tăng khi có thay đổi không tương thích.',
      example: '1',
    },
    {
      name: 'meta',
      meaning:
        'Thông tin văn bản: loại, tiêu đề, cơ quan ban hành, nơi và ngày ban hành (yyyy-mm-dd), kỳ họp, số hiệu, người ký.',
      example: document.meta.date ? `"date": "${document.meta.date}"` : null,
    },
    {
      name: 'nodes',
      meaning:
        'Các phần của văn bản theo đúng thứ tự, mỗi phần có thể chứa các phần con (children).',
      example: '[…]',
    },
    {
      name: 'kind',
      meaning:
        'Loại phần: article (điều), clause (khoản), subclause (tiểu mục 3.1), point (điểm), target (chỉ tiêu), paragraph (đoạn), item (gạch đầu dòng), recital (căn cứ), title, signature…',
      example: quoted(sample?.kind),
    },
    {
      name: 'id',
      meaning: 'Mã ổn định, duy nhất trong văn bản; cũng là neo (#) của phần đó trên trang.',
      example: quoted(sample?.id),
    },
    {
      name: 'num',
      meaning: 'Số hiệu không kèm dấu câu; null nếu không đánh số.',
      example: quoted(sample?.num),
    },
    { name: 'label', meaning: 'Nhãn đúng như văn bản viết.', example: quoted(sample?.label) },
    {
      name: 'heading',
      meaning: 'Tên của phần (nếu có), nguyên văn.',
      example: quoted(headed?.heading),
    },
    {
      name: 'text',
      meaning: 'Lời văn của phần, nguyên văn (chỉ chuẩn hóa khoảng trắng).',
      example: quoted(sample?.text),
    },
    {
      name: 'line',
      meaning: 'Dòng bắt đầu phần đó trong tệp nguồn.',
      example: sample ? String(sample.line) : null,
    },
    {
      name: 'indicators',
      meaning:
        'Các con số cam kết đọc được từ phần đó (có ở mọi chỉ tiêu), cùng trường như tệp các cam kết định lượng.',
      example: figure ? `[{ "text": ${JSON.stringify(figure.text)}, … }]` : null,
    },
    { name: 'children', meaning: 'Các phần con, theo thứ tự.', example: '[]' },
  ];
}

/** Fields of the facts file. */
function factFields(document: Document): FieldDoc[] {
  const facts = documentFacts(document);
  const json = (value: unknown): string | null =>
    value === null ? null : short(JSON.stringify(value));
  const MEANINGS: Record<keyof typeof facts, string> = {
    number: 'Số hiệu như văn bản ghi; null khi văn bản không ghi số.',
    kind: 'Loại văn bản, như văn bản ghi.',
    issuer: 'Cơ quan ban hành, như văn bản ghi.',
    session: 'Khóa và kỳ họp, như văn bản ghi.',
    place: 'Địa danh ở dòng địa danh, ngày tháng.',
    dated: 'Ngày ghi ở dòng địa danh, ngày tháng (yyyy-mm-dd).',
    adopted:
      'Ngày thông qua, đọc từ câu thông qua ở cuối văn bản: date (yyyy-mm-dd), text (nguyên văn), nodeId (phần chứa câu đó).',
    inForce:
      'Ngày có hiệu lực, đọc từ câu nêu hiệu lực: date (null nếu câu không cho một ngày), text (nguyên văn), nodeId, rule (on-adoption: từ ngày thông qua; on-signing: từ ngày ký; on-date: một ngày cụ thể; other).',
    signer: 'Người ký: name (họ tên) và title (chức vụ), như văn bản ghi.',
    source: 'Ghi chú nguồn ở cuối văn bản, nguyên văn.',
  };
  return (Object.keys(MEANINGS) as (keyof typeof facts)[]).map((name) => ({
    name,
    meaning: MEANINGS[name],
    example: json(facts[name]),
  }));
}

/** Meanings of the targets table's columns. */
const TARGET_MEANINGS: Record<(typeof TARGET_COLUMNS)[number], string> = {
  target: 'Số thứ tự của chỉ tiêu.',
  id: 'Mã của chỉ tiêu (như trong tệp JSON).',
  url: 'Địa chỉ của chỉ tiêu trên trang (đầy đủ khi bản dựng đặt SITE_URL).',
  citation: 'Vị trí trong văn bản, trích dẫn từ đơn vị nhỏ đến lớn như văn bản pháp luật viết.',
  group: 'Nhóm chứa chỉ tiêu, như văn bản ghi.',
  text: 'Lời văn của chỉ tiêu, nguyên văn.',
  figures: 'Các con số đọc được từ chỉ tiêu, nguyên văn, cách nhau bởi "; "; trống nếu không có.',
  tasks: 'Mã các nhiệm vụ liên quan, cách nhau bởi dấu cách.',
};

/** Meanings of the commitments table's columns. */
const COMMITMENT_MEANINGS: Record<(typeof COMMITMENT_COLUMNS)[number], string> = {
  target: 'Số thứ tự của chỉ tiêu; để trống với cam kết nằm ngoài các chỉ tiêu đánh số.',
  id: 'Mã của phần văn bản chứa con số (như trong tệp JSON).',
  url: 'Địa chỉ của phần đó trên trang (đầy đủ khi bản dựng đặt SITE_URL).',
  citation: 'Vị trí trong văn bản, trích dẫn từ đơn vị nhỏ đến lớn như văn bản pháp luật viết.',
  text: 'Cụm từ nguyên văn chứa con số.',
  value: 'Giá trị số (dấu chấm thập phân); trống với một khoảng.',
  min: 'Cận dưới của một khoảng (so sánh range).',
  max: 'Cận trên của một khoảng (so sánh range).',
  comparator:
    'Phép so sánh: gt (trên), gte (từ … trở lên, ít nhất), lt (dưới, thấp hơn), lte (không quá, tối đa), eq (đạt đúng), range (từ A đến B).',
  unit: 'Đơn vị như văn bản viết; "hạng" với thứ hạng; mẫu số dân số sau dấu "/" ("bác sĩ/10.000 dân").',
  subject: 'Đối tượng được đo, lấy từ lời văn ngay trước (hoặc sau) con số.',
};

/** Columns of a table, each with its meaning and the first example the rows give. */
function tableFields<Row extends object>(
  columns: readonly (keyof Row & string)[],
  meanings: Record<string, string>,
  rows: Row[],
): FieldDoc[] {
  return columns.map((name) => ({
    name,
    meaning: meanings[name] ?? '',
    example: cell(
      rows.map((row) => row[name] as string | number | null).find((value) => cell(value) !== null),
    ),
  }));
}

/** How the Akoma Ntoso file maps the document. */
function aknFields(document: Document, doc: string): FieldDoc[] {
  const eIds = aknEids(document);
  const sample = sampleNode(document);
  const firstCitation = [...eIds.values()].find((eId) => eId.startsWith('cits_'));
  const work = document.meta.date ? frbr(document, doc).work : null;
  return [
    {
      name: 'meta/identification',
      meaning: 'Định danh FRBR của tác phẩm, biểu hiện (tiếng Việt, vie) và bản thể hiện XML.',
      example: work,
    },
    {
      name: 'preface',
      meaning: 'Địa danh và ngày, loại văn bản, tiêu đề, cơ quan ban hành, kỳ họp.',
      example: document.meta.docType ? `<docType>${document.meta.docType}</docType>` : null,
    },
    {
      name: 'preamble',
      meaning: 'Các căn cứ (citation), các điểm "Xét" (recital) và công thức "QUYẾT NGHỊ:".',
      example: firstCitation ?? null,
    },
    {
      name: 'body',
      meaning:
        'Điều (article), khoản (paragraph), tiểu mục 3.1 (subparagraph), điểm và chỉ tiêu (point), đoạn (hcontainer).',
      example: [...eIds.values()].find((eId) => eId.startsWith('art_')) ?? null,
    },
    {
      name: 'conclusions',
      meaning: 'Câu thông qua, nơi nhận, chữ ký, nguồn.',
      example: document.meta.signer ? '<signature>…</signature>' : null,
    },
    {
      name: 'eId',
      meaning: 'Mã từng phần theo quy ước đặt tên Akoma Ntoso.',
      example: (sample && eIds.get(sample.id)) ?? null,
    },
  ];
}

/** The documented fields of every download of one document, examples from that document. */
export function fieldDocs(
  document: Document,
  doc: string,
  urlOf: UrlOf,
): Record<MadeKind, FieldDoc[]> {
  return {
    json: jsonFields(document),
    facts: factFields(document),
    targets: tableFields<TargetRow>(TARGET_COLUMNS, TARGET_MEANINGS, targetRows(document, urlOf)),
    commitments: tableFields<CommitmentRow>(
      COMMITMENT_COLUMNS,
      COMMITMENT_MEANINGS,
      commitmentRows(document, urlOf),
    ),
    akn: unavailable('akn', document) === null ? aknFields(document, doc) : [],
  };
}
