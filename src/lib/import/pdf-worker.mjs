/**
 * The PDF library's side of the PDF importer, run in a worker thread: pdfjs-dist only answers
 * asynchronously, while the importers are synchronous functions (the build and the parser read
 * files synchronously), so `pdf.ts` calls this worker through synckit and waits. It only reports
 * what the text layer holds (strings, positions, real font names, images); all reading of that
 * layer happens in `pdf.ts`. Plain JavaScript, so it loads in any runner without a TS loader.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { runAsWorker } from 'synckit';

/** Operators that paint an image: a page made only of them is a scan. */
const IMAGE_OPS = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
]);

/** The real name of a font (`ABCDEF+.VnTime` → `.VnTime`), from the objects a page loaded. */
function fontName(page, id) {
  try {
    const font = page.commonObjs.get(id);
    const name = font?.name ?? font?.loadedName ?? id;
    return String(name).replace(/^[A-Z]{6}\+/, '');
  } catch {
    return id;
  }
}

/** The page's shown glyphs in drawing order, real spaces included: letter-spaced text is rebuilt from it. */
function glyphText(ops) {
  let out = '';
  ops.fnArray.forEach((op, i) => {
    if (op !== OPS.showText && op !== OPS.showSpacedText) return;
    for (const glyph of ops.argsArray[i][0] ?? []) {
      if (typeof glyph === 'number') continue;
      out += glyph.isSpace ? ' ' : (glyph.unicode ?? '');
    }
    out += '\n';
  });
  return out;
}

/** Every page's text items with positions and fonts, and how many images it paints. */
async function readPdf(bytes) {
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    const name = error?.name ?? '';
    if (name === 'PasswordException') return { error: 'password' };
    if (name === 'InvalidPDFException') return { error: 'invalid' };
    return { error: 'invalid', message: String(error?.message ?? error) };
  }
  const pages = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.view;
      const content = await page.getTextContent({ disableNormalization: true });
      // The drawing operators are only needed to tell a scan from a blank page, and to learn
      // the fonts' real names and the glyphs of letter-spaced lines: costly, so only for pages
      // that need them.
      const needsOps = content.items.length === 0 || content.items.some((i) => /^(?:\S ){3,}\S$/.test(i.str ?? '') || /^g_/.test(i.fontName ?? ''));
      const ops = needsOps ? await page.getOperatorList() : { fnArray: [], argsArray: [] };
      const images = ops.fnArray.filter((op) => IMAGE_OPS.has(op)).length;
      const glyphs = glyphText(ops);
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        const [a, b, , d, e, f] = item.transform;
        items.push({ str: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) || Math.abs(d), font: fontName(page, item.fontName), eol: !!item.hasEOL });
      }
      pages.push({ width: view[2] - view[0], height: view[3] - view[1], images, items, glyphs });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { pages };
} // prettier-ignore

runAsWorker(readPdf);
