/**
 * Small PDF files written by hand for tests: pages of positioned Helvetica text, a page that is
 * only an image (a scan), and a file locked with a user password.
 */

/** A line of text placed on a page at (x, y) in points, size 11. */
export interface Placed {
  text: string;
  x: number;
  y: number;
}

/** Escapes a string for a PDF literal. */
function literal(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Assembles numbered objects into a PDF with a correct cross-reference table. */
function assemble(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF of text pages (A4), each a list of placed lines in Helvetica. */
export function textPdf(pages: Placed[][]): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  const kids: string[] = [];
  for (const lines of pages) {
    const stream = lines.map((l) => `BT /F1 11 Tf ${l.x} ${l.y} Td ${literal(l.text)} Tj ET`).join('\n');
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return assemble(objects);
} // prettier-ignore

/** A PDF whose only page paints a small grey image: a scan without a text layer. */
export function scanPdf(): Uint8Array {
  const pixels = 'x'.repeat(16);
  const draw = 'q 500 0 0 700 40 60 cm /Im1 Do Q';
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`,
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
  ]);
} // prettier-ignore

/** A PDF locked with a user password (standard security handler, RC4 40-bit). */
export function lockedPdf(): Uint8Array {
  const hex = (n: number): string => Array.from({ length: 32 }, (_, i) => ((i * 37 + n) % 256).toString(16).padStart(2, '0')).join('');
  return assemble(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(7)}> /U <${hex(11)}> /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `,
  );
} // prettier-ignore
