import { loadGlossary } from '../src/lib/analysis/abbreviations.ts';
import { loadDocumentFile } from '../src/lib/document/load.ts';
import { documentSections, place, sectionMdx } from '../src/lib/mdx/emit.ts';
import { enrich } from '../src/lib/mdx/enrich.ts';
import { renderBody } from '../src/lib/html/render.ts';
import { readdirSync } from 'node:fs';
const g = loadGlossary('content/glossary.json');
const dir = '/tmp/scale/seeds100';
const t: Record<string, number> = {};
const lap = <T>(k: string, f: () => T): T => {
  const s = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(s);
  t[k] = (t[k] ?? 0) + (d.user + d.system) / 1000;
  return r;
};
const files = readdirSync(dir).slice(0, 60);
for (const f of files) {
  const { document } = loadDocumentFile(`${dir}/${f}`);
  const p = place(document);
  const e = lap('enrich', () => enrich('x', document, g, p));
  const secs = lap('sections', () => documentSections('x', document, e, p));
  lap('toMdx', () => secs.map(sectionMdx));
  lap('render', () =>
    secs.map(
      (s) =>
        renderBody(s.body, { view: 'section', base: '/' }) +
        renderBody(s.body, { view: 'full', base: '/' }),
    ),
  );
}
for (const [k, v] of Object.entries(t)) console.log(k, (v / files.length).toFixed(1), 'ms/doc');
