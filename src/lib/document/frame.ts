/**
 * Framing: recognising the lines around the body of a document (masthead, title, recitals,
 * enacting formula, closing statement, recipients, signature) and the headings of what follows
 * it (attached instruments, appendices, forms). These are recognised by their wording, not by
 * numbering, so they live apart from the numbering rules.
 */
import { ENDS_SENTENCE, isUppercase } from './lines.ts';

/** Kinds of legal document, as their type line writes them (Law on legal documents, art. 4). */
const DOC_TYPE_WORDS = [
  'NGHỊ QUYẾT LIÊN TỊCH',
  'NGHỊ QUYẾT',
  'QUYẾT ĐỊNH',
  'CHỈ THỊ',
  'KẾT LUẬN',
  'HIẾN PHÁP',
  'BỘ LUẬT',
  'LUẬT',
  'PHÁP LỆNH',
  'LỆNH',
  'NGHỊ ĐỊNH',
  'THÔNG TƯ LIÊN TỊCH',
  'THÔNG TƯ',
  'KẾ HOẠCH',
  'CHƯƠNG TRÌNH',
  'ĐỀ ÁN',
  'HƯỚNG DẪN',
  'THÔNG BÁO',
  'CÔNG VĂN',
  'VĂN BẢN HỢP NHẤT',
  'QUY CHẾ',
  'QUY ĐỊNH',
  'ĐIỀU LỆ',
];

/**
 * Kinds of instrument issued "kèm theo" another document and printed after its signature; their
 * type line may carry the title on the same line ("QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG …").
 */
const INSTRUMENT_WORDS = [
  'QUY CHẾ',
  'QUY ĐỊNH',
  'ĐIỀU LỆ',
  'HƯỚNG DẪN',
  'KẾ HOẠCH',
  'CHƯƠNG TRÌNH',
  'ĐỀ ÁN',
  'PHƯƠNG ÁN',
  'QUY TRÌNH',
  'NỘI QUY',
  'CHIẾN LƯỢC',
  'QUY HOẠCH',
  'DANH MỤC',
  'BẢNG GIÁ',
  'ĐỊNH MỨC',
  'TIÊU CHUẨN',
  'CHẾ ĐỘ',
];

/** Kinds of document an instrument or appendix is issued with ("kèm theo Quyết định …"). */
const ATTACHED_TO = 'Quyết định|Nghị quyết|Thông tư|Nghị định|Chỉ thị|Kế hoạch|Công văn|Văn bản';

/** Bodies that issue documents, as the masthead and the authority line name them. */
const ISSUER_WORDS =
  'HỘI ĐỒNG NHÂN DÂN|QUỐC HỘI|ỦY BAN|UỶ BAN|CHÍNH PHỦ|THƯỜNG TRỰC|BAN THƯỜNG VỤ|BỘ CHÍNH TRỊ';

/** More issuing bodies, recognised in any case when a short line holds nothing else. */
const AUTHORITY_WORDS = `${ISSUER_WORDS}|THỦ TƯỚNG|CHỦ TỊCH NƯỚC|BỘ TRƯỞNG|BỘ\\s|BAN CHẤP HÀNH|TỔNG CỤC|SỞ\\s|NGÂN HÀNG NHÀ NƯỚC|TÒA ÁN|TOÀ ÁN|VIỆN KIỂM SÁT|KIỂM TOÁN NHÀ NƯỚC|VĂN PHÒNG|HỘI ĐỒNG THẨM PHÁN`;

/** Titles a signer signs under; "PHÓ" (deputy) may precede any of them. */
const SIGNER_TITLE_WORDS =
  'CHỦ TỊCH QUỐC HỘI|CHỦ TỊCH NƯỚC|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|TỔNG GIÁM ĐỐC|GIÁM ĐỐC|THỐNG ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN|TRƯỞNG BAN|BÍ THƯ|CHÁNH VĂN PHÒNG|TỔNG THƯ KÝ|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG ĐOÀN';

/** Kinds that a closing statement names: "<kind> này đã được … thông qua". */
const CLOSING_KINDS = 'Nghị quyết|Luật|Bộ luật|Pháp lệnh|Nghị định|Quyết định|Hiến pháp';

/** Alternatives of a word list as a pattern source, longest first so "BỘ LUẬT" wins over "LUẬT". */
function alternatives(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

/** The wording that marks each part of the frame. */
export const FRAME_PATTERNS = {
  motto:
    /^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]\s*Tự do)/iu,
  // "Số: 66/2025/NQ-HĐND"; laws and ordinances write "Luật số: 12/2025/QH15".
  number: /^(?:(?:Luật|LUẬT|Bộ luật|Pháp lệnh|Lệnh|Nghị quyết)\s+số|Số|SỐ)\s*:/u,
  // The place name is short: a longer run before the comma is a sentence that mentions a date.
  placeDate: /^[^,]{2,60},\s*ngày\s+\d{1,2}\s+tháng\s*\d{1,2}\s+năm\s+\d{4}/u,
  docType: new RegExp(`^(?:${alternatives(DOC_TYPE_WORDS)})$`, 'u'),
  /**
   * A gazette-style heading that names kind, issuer and number on one line: "Nghị định của
   * Chính phủ số 114/2003/NĐ-CP ngày 10/10/2003", then the title ("về cán bộ …").
   */
  gazetteHeading: new RegExp(
    `^(?:${alternatives(DOC_TYPE_WORDS)})(?:(?:\\s+của\\s+[^,.;:]+?)?\\s+số\\s+\\d+\\s*\\/\\s*\\S+(?:\\s+ngày\\s+(?:\\d{1,2}\\/\\d{1,2}\\/\\d{4}|\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}))?(?=\\s|$)|\\s+của\\s+[^,.;:]+$)`,
    'iu',
  ),
  recital: /^(?:Căn cứ|Xét|Theo đề nghị|Thực hiện)\s/u,
  enacting: /^QUYẾT NGHỊ\s*:?$|ban hành Nghị quyết|^Quyết nghị\s*:/u,
  /**
   * Enacting formulas of other kinds: "Nghị Định:", "QUYẾT ĐỊNH:", "CHỈ THỊ:" with their colon
   * (without it, the type line), or a whole sentence "Quốc hội ban hành Luật …".
   */
  enactingOther: new RegExp(
    [
      '^(?:QUYẾT ĐỊNH|NGHỊ ĐỊNH|CHỈ THỊ|BAN HÀNH|LỆNH|KẾT LUẬN)\\s*:$',
      '(?:^|\\s)ban hành (?:Bộ luật|Luật|Pháp lệnh|Nghị định|Thông tư liên tịch|Thông tư|Quyết định)(?![\\p{L}]).*[.:]$',
    ].join('|'),
    'iu',
  ),
  issuer: new RegExp(`^(?:${ISSUER_WORDS})`, 'u'),
  authority: new RegExp(`^(?:${AUTHORITY_WORDS})`, 'iu'),
  session: /^(?:KHÓA|KHOÁ)\s+[IVXLC]+/iu,
  sessionInside: /\s((?:KHÓA|KHOÁ)\s+[IVXLC]+.*)$/u,
  /**
   * "Nghị quyết này đã được … khóa XV, kỳ họp thứ 9 thông qua ngày …": it names the session or
   * the date of adoption, unlike "… có hiệu lực từ ngày được Quốc hội thông qua." in an article.
   */
  closing: new RegExp(
    `^(?:${CLOSING_KINDS}) này(?:\\s+đã)?\\s+được\\s.*(?:(?:khóa|khoá|kỳ họp|phiên họp)\\s.*\\sthông qua(?![\\p{L}])|\\sthông qua\\s+(?:ngày|tại))`,
    'iu',
  ),
  recipients: /^Nơi nhận\s*:/u,
  appendix: /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|số)?\s*([IVXLC]+|\d+[a-z]?|[A-Z])(?![\p{L}\d]))?/u,
  sourceNote: /^Nguồn(?:\s+tra cứu)?\s*:/u,
  /** "TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG", "TL. CHỦ TỊCH", "TUQ.", "Q. GIÁM ĐỐC". */
  signaturePrefix: new RegExp(
    `^(?:(?:TM|T\\/M|KT|K\\/T|TL|T\\/L|TUQ)\\s?\\.\\s*\\S|Q\\.\\s*(?:${SIGNER_TITLE_WORDS}))`,
    'iu',
  ),
  signerTitle: new RegExp(`^(?:PHÓ\\s+)?(?:${SIGNER_TITLE_WORDS})(?![\\p{L}])`, 'iu'),
  /** The certification line of a consolidated text, signed like a signature. */
  certification: /^XÁC THỰC VĂN BẢN HỢP NHẤT$/iu,
  /** "(Đã ký)", "(đã ký và đóng dấu)", "Đã ký". */
  signedMark: /^\(?\s*đã ký(?!\p{L})[^)]*\)?$/iu,
  /**
   * "(Ban hành kèm theo Quyết định số …)", "(Kèm theo Nghị quyết số …)"; some texts drop the
   * "theo" ("(Ban hành kèm Nghị quyết số …)"), and then the document's kind must follow at once.
   */
  attachment: new RegExp(
    `^\\(?\\s*(?:Ban hành\\s+)?kèm\\s+(?:theo\\s+(?:\\S+\\s+){0,3}?(?:số|${ATTACHED_TO})|(?:${ATTACHED_TO})(?![\\p{L}]))`,
    'iu',
  ),
  instrumentType: new RegExp(`^(?:${alternatives(INSTRUMENT_WORDS)})(?![\\p{L}])`, 'u'),
  /** "Mẫu số 01", "MẪU SỐ 02a", "Mẫu số 03/QĐ": a model text inside an appendix. */
  form: /^(?:Mẫu|MẪU)\s+(?:số|SỐ)\s*(\d+[a-zA-Z]?)(?:\/[\p{L}\d-]+)?(?![\p{L}\d])/u,
};

/**
 * How many leading characters must be upper case for a "PHỤ LỤC" line to open an appendix:
 * the word itself plus the space after it, so that "Phụ lục kèm theo …" in a sentence does not.
 */
export const APPENDIX_CAPS_PREFIX = 'PHỤ LỤC '.length;

/**
 * The longest signer's title, such as "TM. HỘI ĐỒNG NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH": a
 * longer upper-case line after the body is a heading or a shouted sentence, not a signature.
 */
export const MAX_SIGNATURE_TITLE = 80;

/**
 * The longest masthead or authority line ("BỘ TRƯỞNG BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"): a longer
 * line that starts with a body's name is a sentence about it.
 */
export const MAX_AUTHORITY_LINE = 70;

/** The most words in a signer's name: Vietnamese names have two to five. */
const MAX_NAME_WORDS = 6;

/** The kind of document a type line or gazette heading starts with, as written: "Nghị định". */
export function docKindOf(text: string): string | null {
  return new RegExp(`^(?:${alternatives(DOC_TYPE_WORDS)})`, 'iu').exec(text)?.[0] ?? null;
}

/** Whether a line opens a new document-like unit after the body: its masthead. */
export function isMastheadLine(text: string): boolean {
  const p = FRAME_PATTERNS;
  return p.motto.test(text) || p.number.test(text) || p.placeDate.test(text) || isAuthority(text);
}

/** Whether a line names an issuing body: upper case, or short and nothing but the name. */
export function isAuthority(text: string): boolean {
  if (FRAME_PATTERNS.issuer.test(text)) return true;
  return (
    FRAME_PATTERNS.authority.test(text) &&
    text.length <= MAX_AUTHORITY_LINE &&
    !/[.;:!?]$/.test(text)
  );
}

/** Whether a line is a person's name: two to five capitalised words. */
export function isPersonName(text: string): boolean {
  const words = text.split(' ');
  return (
    words.length >= 2 &&
    words.length <= MAX_NAME_WORDS &&
    words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))
  );
}

/** Whether a line starts a signature block: "TM. …", "KT. …", or a signer's title alone. */
export function startsSignature(text: string): boolean {
  if (FRAME_PATTERNS.signaturePrefix.test(text)) return true;
  if (!FRAME_PATTERNS.signerTitle.test(text)) return false;
  const title = splitSignature(text).title;
  return FRAME_PATTERNS.signerTitle.test(title) && isSignatureTitle(title);
}

/** A line that opens a quotation it does not close: quoted articles are not this text's own. */
export function opensQuote(text: string): boolean {
  if (!/^["“«]/.test(text)) return false;
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  const straight = count(/"/g);
  return count(/[“«]/g) > count(/[”»]/g) || straight % 2 === 1;
}

/** Whether a line closes an open quotation: it carries a closing mark. */
export function closesQuote(text: string): boolean {
  return /[”"»]/.test(text);
}

/** Splits "CHỦ TỊCH     Huỳnh Tấn Việt" into the signer's title and name. */
export function splitSignature(text: string): { title: string; name: string | null } {
  const words = text.split(' ');
  let i = 0;
  while (i < words.length && isUppercase(words[i] as string)) i++;
  const rest = words.slice(i);
  // A name is at least a family and a given name, each capitalised: "Huỳnh Tấn Việt".
  const isName = rest.length >= 2 && rest.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
  if (i > 0 && isName) return { title: words.slice(0, i).join(' '), name: rest.join(' ') };
  return { title: text, name: null };
}

/** Whether a line after the body reads as a signer's title (possibly followed by the name). */
export function isSignatureTitle(title: string): boolean {
  return title.length <= MAX_SIGNATURE_TITLE && isUppercase(title);
}

/**
 * Whether a line opens an appendix: "PHỤ LỤC" in capitals; or, where appendices are expected
 * (`afterBody`: after the signature or another appendix), "Phụ lục I" written as a heading (a
 * number and at most a title in capitals or in brackets). Inside an article, "Phụ lục I: Danh
 * mục …" lists the appendices and opens none.
 */
export function opensAppendix(text: string, afterBody = true): boolean {
  const m = FRAME_PATTERNS.appendix.exec(text);
  if (!m) return false;
  if (isUppercase(text.slice(0, APPENDIX_CAPS_PREFIX))) return true;
  if (!afterBody) return false;
  const rest = text.slice(m[0].length).trim();
  return m[1] !== undefined && (rest === '' || /^[(:.-]/.test(rest) || isUppercase(rest));
}

/** Whether a line opens a form ("Mẫu số 01 …") written as a heading, not a sentence. */
export function opensForm(text: string): boolean {
  return FRAME_PATTERNS.form.test(text) && !ENDS_SENTENCE.test(text.replace(/\.$/, ''));
}

/** The "Nơi nhận:" heading of a recipients line, and what follows it on the same line. */
export function splitRecipients(text: string): { heading: string; rest: string } {
  const heading = FRAME_PATTERNS.recipients.exec(text)?.[0] ?? text;
  return { heading, rest: text.slice(heading.length).trim() };
}

/** An issuer line split from a session written on the same line, if any. */
export function splitIssuerSession(text: string): { issuer: string; session: string } | null {
  const m = FRAME_PATTERNS.sessionInside.exec(text);
  if (!m?.[1] || m.index === 0) return null;
  return { issuer: text.slice(0, m.index).trim(), session: m[1].trim() };
}

/** A gazette heading split into the heading and the title that follows on the same line. */
export function splitGazetteHeading(text: string): { heading: string; title: string } | null {
  const m = FRAME_PATTERNS.gazetteHeading.exec(text);
  if (!m) return null;
  return { heading: m[0], title: text.slice(m[0].length).trim() };
}

/** One segment of a masthead line that a flattened two-column layout put side by side. */
export interface MastheadSegment {
  kind: 'issuer' | 'motto' | 'number' | 'place-date';
  text: string;
}

/** Where the national motto starts inside a line ("ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI …"). */
const MOTTO_INSIDE =
  /\s(?=CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Cộng hòa xã hội|Cộng hoà xã hội|Độc lập\s*[-–—])/u;
/** Where a place and date start after a number: "Số: 991/QĐ-UBND Đồng Xoài, ngày 14 …". */
const PLACE_DATE_INSIDE =
  /\s(?=[^\s,/][^,/]{1,58},\s*ngày\s+\d{1,2}\s+tháng\s*\d{1,2}\s+năm\s+\d{4})/u;

/**
 * Splits a masthead line that holds two columns (issuer | motto, number | place and date) into
 * its segments, in the order written; null when the line is not such a line.
 */
export function splitMasthead(text: string): MastheadSegment[] | null {
  const motto = MOTTO_INSIDE.exec(text);
  if (motto && motto.index > 0) {
    const left = text.slice(0, motto.index).trim();
    if (isUppercase(left) && !FRAME_PATTERNS.motto.test(left)) {
      return [
        { kind: FRAME_PATTERNS.number.test(left) ? 'number' : 'issuer', text: left },
        { kind: 'motto', text: text.slice(motto.index).trim() },
      ];
    }
  }
  if (FRAME_PATTERNS.number.test(text)) {
    const m = PLACE_DATE_INSIDE.exec(text);
    // The number itself comes first ("Số: 991/QĐ-UBND"); the place starts after its last slash.
    if (m && m.index > 0 && text.slice(0, m.index).includes('/')) {
      return [
        { kind: 'number', text: text.slice(0, m.index).trim() },
        { kind: 'place-date', text: text.slice(m.index).trim() },
      ];
    }
  }
  return null;
}
