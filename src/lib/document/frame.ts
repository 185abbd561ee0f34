/**
 * Framing: recognising the lines around the body of a document (masthead, title, recitals,
 * enacting formula, closing statement, recipients, signature). These are recognised by their
 * wording, not by numbering, so they live apart from the numbering rules.
 */
import { isUppercase } from './lines.ts';

/** The wording that marks each part of the frame. */
export const FRAME_PATTERNS = {
  motto:
    /^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do)/u,
  number: /^Số\s*:/u,
  // The place name is short: a longer run before the comma is a sentence that mentions a date.
  placeDate: /^[^,]{2,60},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u,
  docType: /^(?:NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|KẾT LUẬN)$/u,
  recital: /^(?:Căn cứ|Xét|Theo đề nghị|Thực hiện)\s/u,
  enacting: /^QUYẾT NGHỊ\s*:?$|ban hành Nghị quyết|^Quyết nghị\s*:/u,
  issuer:
    /^(?:HỘI ĐỒNG NHÂN DÂN|QUỐC HỘI|ỦY BAN|UỶ BAN|CHÍNH PHỦ|THƯỜNG TRỰC|BAN THƯỜNG VỤ|BỘ CHÍNH TRỊ)/u,
  session: /^(?:KHÓA|KHOÁ)\s+[IVXLC]+/iu,
  sessionInside: /\s((?:KHÓA|KHOÁ)\s+[IVXLC]+.*)$/u,
  closing: /^Nghị quyết này\b.*\bthông qua\b/u,
  recipients: /^Nơi nhận\s*:/u,
  appendix: /^PHỤ LỤC(?:\s+([IVXLC]+|\d+))?\b/u,
  sourceNote: /^Nguồn(?:\s+tra cứu)?\s*:/u,
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
  return isUppercase(title) && title.length <= MAX_SIGNATURE_TITLE;
}

/** Whether a "PHỤ LỤC" line opens an appendix: written in capitals, as a heading. */
export function opensAppendix(text: string): boolean {
  return FRAME_PATTERNS.appendix.test(text) && isUppercase(text.slice(0, APPENDIX_CAPS_PREFIX));
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
