/**
 * Builds real .docx files in tests from WordprocessingML fragments: the package parts Word needs
 * around a body, numbering, styles and notes, zipped with fflate. Tests then read them back
 * through the importer exactly as they read a published file.
 */
import { strToU8, zipSync } from 'fflate';

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';

/** The parts of a generated document; each is the inner XML of its root element. */
export interface DocxParts {
  body: string;
  numbering?: string;
  styles?: string;
  footnotes?: string;
}

/** Escapes text for XML. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run of text, with optional run properties (`<w:rFonts …/>` and such). */
export function run(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph of runs with optional paragraph properties. */
export function para(runs: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A paragraph numbered by a list instance and level. */
export function numbered(numId: number, ilvl: number, runs: string): string {
  return para(runs, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
}

/** A list level definition. */
export function level(ilvl: number, format: string, text: string, start = 1, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/>${extra}</w:lvl>`;
}

/** A table of cells, each cell a list of paragraphs' XML. */
export function table(rows: string[][]): string {
  const body = rows
    .map((row) => `<w:tr>${row.map((cell) => `<w:tc>${cell || '<w:p/>'}</w:tc>`).join('')}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr/>${body}</w:tbl>`;
}

/** The zipped .docx of some parts. */
export function buildDocx(parts: DocxParts): Uint8Array {
  const xml = (root: string, inner: string): Uint8Array =>
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${root} ${NS}>${inner}</w:${root}>`,
    );
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': xml('document', `<w:body>${parts.body}<w:sectPr/></w:body>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = xml('numbering', parts.numbering);
  if (parts.styles) files['word/styles.xml'] = xml('styles', parts.styles);
  if (parts.footnotes) files['word/footnotes.xml'] = xml('footnotes', parts.footnotes);
  return zipSync(files);
}
