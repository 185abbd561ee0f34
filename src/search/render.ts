import type { ClauseResult, SearchOutcome } from './engine';
import type { Segment } from './excerpt';

/**
 * DOM for results, shared by the header box and the search page. Everything from the index is
 * set with textContent: a clause quoting "<script>" shows those characters, never runs them.
 */

/** Vietnamese strings of the search UI, in one place. */
export const LABELS = {
  label: 'Tìm trong nghị quyết',
  boxLandmark: 'Tìm nhanh',
  pageLandmark: 'Tìm kiếm điều khoản',
  placeholder: 'Tìm: du lịch, dieu duong, 57-NQ/TW…',
  hint: 'Phím tắt: / hoặc Ctrl+K. Gõ có dấu hay không dấu đều được.',
  listbox: 'Điều khoản tìm thấy',
  pageTitle: 'Tìm kiếm',
  pageLead: 'Tìm đến từng điều, khoản, điểm và chỉ tiêu. Gõ có dấu hay không dấu đều được.',
  submit: 'Tìm',
  results: 'Kết quả tìm kiếm',
  filters: 'Lọc kết quả',
  filterAll: 'Tất cả',
  filterNames: { phan: 'Phần', nhom: 'Nhóm' } as Record<string, string>,
  noScript: 'Trang tìm kiếm cần JavaScript. Bạn vẫn có thể đọc toàn văn và tìm bằng Ctrl+F.',
  loading: 'Đang tải bộ tìm kiếm…',
  unavailable: 'Chưa tìm được: chỉ mục tìm kiếm chưa có (trang này cần bản đã build).',
  empty: 'Gõ từ cần tìm, có dấu hay không dấu đều được.',
  none: (query: string) => `Không tìm thấy điều khoản nào cho “${query}”.`,
  noWords: 'Chưa có chữ hay số nào để tìm: hãy gõ từ cần tìm.',
  noExact: (query: string) => `Không có điều khoản nào chứa “${query}” đúng như dấu đã gõ.`,
  tryUnaccented: 'Tìm không dấu:',
  truncated: (words: number) => `Chỉ tìm theo ${words} từ đầu tiên.`,
  missingDocument: (reference: string) =>
    `Thư viện chưa có “${reference}”; dưới đây là các đoạn nhắc đến văn bản này.`,
  missingDocumentUnmentioned: (reference: string) =>
    `Thư viện chưa có “${reference}”, và không đoạn nào nhắc đến văn bản này.`,
  count: (count: number, query: string) =>
    count === 1 ? `1 kết quả cho “${query}”.` : `${count} kết quả cho “${query}”.`,
  more: (count: number) => `Xem tất cả ${count} kết quả`,
  onPage: (page: string) => `Trang: ${page}`,
  inDocument: (page: string, document: string) => `${document} · Trang: ${page}`,
  scopedTo: 'Đang tìm trong nghị quyết:',
  others: 'Các nghị quyết khác cũng có các từ này',
  fromDocuments: (count: number) =>
    `Có ${count} nghị quyết chứa các từ này; kết quả lấy từ nghị quyết phù hợp nhất.`,
  searchAll: 'Tìm trong tất cả nghị quyết',
  navigate: 'Dùng phím mũi tên lên, xuống để chọn, Enter để mở.',
} as const;

/** The line a result is known by: its citation and short heading. */
export function resultTitle(result: ClauseResult): string {
  return result.heading ? `${result.citation} — ${result.heading}` : result.citation;
}

/**
 * Where a result sits: its page, preceded by its resolution when results come from the whole
 * library, where identical clauses of different resolutions must be told apart.
 */
export function resultPlace(result: ClauseResult, withDocument: boolean): string {
  return withDocument && result.documentTitle
    ? LABELS.inDocument(result.pageTitle, result.documentTitle)
    : LABELS.onPage(result.pageTitle);
}

/** An excerpt as text nodes and `<mark>` elements. */
export function excerptNodes(doc: Document, segments: readonly Segment[]): Node[] {
  return segments.map((segment) => {
    if (!segment.mark) return doc.createTextNode(segment.text);
    const mark = doc.createElement('mark');
    mark.textContent = segment.text;
    return mark;
  });
}

/** A span with a class and text, the building block of a result. */
export function span(doc: Document, className: string, text: string): HTMLSpanElement {
  const element = doc.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** The three lines of a result: citation and heading, place (page, resolution), and excerpt. */
export function resultParts(
  doc: Document,
  result: ClauseResult,
  withDocument = false,
): HTMLElement[] {
  const excerpt = doc.createElement('span');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...excerptNodes(doc, result.excerpt));
  return [
    span(doc, 'search-result__title', resultTitle(result)),
    span(doc, 'search-result__page', resultPlace(result, withDocument)),
    excerpt,
  ];
}

/** Longest query quoted back in a message; a pasted paragraph would drown the sentence. */
const QUOTED_LENGTH = 60;

/** The query as a message quotes it: trimmed, one space between words, clipped. */
export function quotedQuery(query: string): string {
  const flat = query.replace(/\s+/gu, ' ').trim();
  return flat.length <= QUOTED_LENGTH ? flat : `${flat.slice(0, QUOTED_LENGTH - 1)}…`;
}

/** The status line for a finished search: how many results, or why there are none. */
export function outcomeStatus(outcome: SearchOutcome, query: string, maxWords: number): string {
  const quoted = quotedQuery(query);
  const count = outcome.results.length;
  const missing = outcome.missingDocument ? quotedQuery(outcome.missingDocument) : '';
  let line: string;
  if (count > 0) {
    line = LABELS.count(count, quoted);
    if ((outcome.matchingDocuments ?? 0) > 1) {
      line = `${line} ${LABELS.fromDocuments(outcome.matchingDocuments ?? 0)}`;
    }
    if (missing) line = `${LABELS.missingDocument(missing)} ${line}`;
  } else if (missing) line = LABELS.missingDocumentUnmentioned(missing);
  else if (outcome.noWords) line = LABELS.noWords;
  else if (outcome.unaccented) line = LABELS.noExact(quoted);
  else line = LABELS.none(quoted);
  return outcome.truncated ? `${line} ${LABELS.truncated(maxWords)}` : line;
}
