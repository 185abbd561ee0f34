/**
 * One seed → everything the site needs from it: the MDX pages and tree of `content/<doc>/`, the
 * HTML fragments the pages place, the open-data downloads and the summary the lists show. Each
 * document is made alone, so any number of them can be made in parallel, one at a time each.
 */
import { documentAbbreviations, type Glossary } from '../analysis/abbreviations.ts';
import { findCitedDocuments } from '../analysis/cited.ts';
import { linkTargetsToTasks } from '../analysis/targets.ts';
import type { Document } from '../document/schema.ts';
import type { Warning } from '../document/parse.ts';
import { fieldDocs } from '../export/fields.ts';
import { downloads, unavailable } from '../export/downloads.ts';
import { downloadBody } from '../export/files.ts';
import { publicUrl } from '../export/links.ts';
import { renderBody } from '../html/render.ts';
import type { Original } from '../import/source.ts';
import {
  documentJson,
  documentSections,
  place,
  sectionMdx,
  type ContentFile,
} from '../mdx/emit.ts';
import { enrich } from '../mdx/enrich.ts';
import { clip } from '../vocabulary/titles.ts';
import { pagesOf } from '../vocabulary/pages.ts';
import {
  capitalisedWords,
  documentName,
  documentTitle,
  generalObjective,
  issuerName,
} from '../site/document.ts';
import type { DocumentPages, Fragments, Summary, WrittenDownload } from '../site/site-data.ts';
import { nodeUrl } from '../site/urls.ts';
import type { Deploy } from './deploy.ts';

/** Longest summary a list shows under a title. */
const SUMMARY_LENGTH = 280;

/** Everything made from one seed, in memory, before it is written. */
export interface Compiled {
  /** Files of `content/<doc>/`, paths relative to `content/`. */
  content: ContentFile[];
  summary: Summary;
  pages: DocumentPages;
  fragments: Fragments;
  /** Download file name → its text, or the bytes of the published original. */
  downloads: Map<string, string | Uint8Array>;
}

/** Issuer, number and year: what no two documents of a library share. */
export function identityOf(document: Document): string | null {
  const { issuer, number, date } = document.meta;
  if (number === null) return null;
  return [issuer ?? '', number, date?.slice(0, 4) ?? ''].join('|');
}

/** The summary the lists show, computed once per document. */
function summaryOf(
  doc: string,
  file: string,
  document: Document,
  pages: string[],
  warnings: Warning[],
): Summary {
  const objective = generalObjective(document);
  const text = objective?.children.find((child) => child.text)?.text ?? null;
  return {
    slug: doc,
    file,
    title: documentTitle(document, doc),
    name: documentName(document, doc),
    issuer: issuerName(document),
    date: document.meta.date,
    summary: text === null ? null : clip(text, SUMMARY_LENGTH),
    pages,
    ownPages: pagesOf(document).map(({ key }) => key),
    identity: identityOf(document),
    number: document.meta.number,
    warnings: warnings.map(({ line, col, message }) => ({ line, col, message })),
  };
}

/** Makes everything for one parsed document. */
export function compileDocument(
  doc: string,
  file: string,
  document: Document,
  warnings: Warning[],
  glossary: Glossary,
  deploy: Deploy,
  original: Original | null = null,
): Compiled {
  const placement = place(document);
  const links = linkTargetsToTasks(document);
  const cited = findCitedDocuments(document);
  const abbreviations = documentAbbreviations(document, glossary);
  const enrichment = enrich(doc, document, abbreviations, placement, links, cited);
  const sections = documentSections(doc, document, enrichment, placement);
  const content: ContentFile[] = sections.map((section) => ({
    path: `${doc}/${section.frontmatter.page}.mdx`,
    text: sectionMdx(section),
  }));
  content.push({ path: `${doc}/document.json`, text: documentJson(document) });

  const sectionView = { view: 'section', base: deploy.base } as const;
  const fullView = { view: 'full', base: deploy.base } as const;
  const fragments: Fragments = { sections: {}, full: '' };
  for (const section of sections) {
    fragments.sections[section.frontmatter.page] = renderBody(section.body, sectionView);
    fragments.full += renderBody(section.body, fullView);
  }

  const site = deploy.published === null ? null : new URL(deploy.published);
  const urlOf = (id: string): string =>
    publicUrl(nodeUrl(doc, placement.pageOf.get(id) ?? '', id, deploy.base), site);
  const files = new Map<string, string | Uint8Array>();
  const written: WrittenDownload[] = [];
  const notes: Warning[] = [];
  for (const { kind, file: name, type } of downloads(doc)) {
    const reason = unavailable(kind, document);
    if (reason !== null) {
      notes.push({ line: 1, col: 1, message: reason });
      continue;
    }
    const text = downloadBody(kind, document, { doc, urlOf });
    files.set(name, text);
    written.push({ kind, file: name, type, bytes: Buffer.byteLength(text, 'utf8') });
  }
  if (original !== null) {
    files.set(original.file, original.bytes);
    const { file: name, type, bytes } = original;
    written.push({ kind: 'original', file: name, type, bytes: bytes.length });
  }
  const pages: DocumentPages = {
    pages: sections.map((section) => section.frontmatter),
    links,
    downloads: written,
    fields: fieldDocs(document, doc, urlOf),
    cited,
    capitalised: capitalisedWords(document),
    glossary: abbreviations.uses,
  };
  const slugs = sections.map((section) => section.frontmatter.page);
  const summary = summaryOf(doc, file, document, slugs, [...warnings, ...notes]);
  return { content, summary, pages, fragments, downloads: files };
}
