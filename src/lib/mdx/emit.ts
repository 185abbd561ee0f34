/**
 * A document's whole content folder, in memory: one MDX file per page plus the tree as JSON.
 * Pure, so `scripts/content.ts` writes exactly what the staleness test recomputes.
 */
import type { RootContent } from 'mdast';
import type { DocNode, Document, TextField } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { citation, citationPart } from '../vocabulary/citation.ts';
import { ui } from '../vocabulary/strings.ts';
import { sectionBody, sectionTree, rootLevels, type BuildContext, type Related } from './build.ts';
import { frontmatterText, type PageFrontmatter, type TrailStep } from './frontmatter.ts';
import type { Mark } from './inline.ts';
import { toMdx } from './processor.ts';
import { splitSections, type Section } from './sections.ts';
import { clip, nodeTitle } from '../vocabulary/titles.ts';
import { aknEids } from '../vocabulary/eids.ts';

/** Cross-references found by the analysis step, as the builder consumes them. */
export interface Enrichment {
  marks: (node: DocNode, field: TextField) => Mark[];
  related: Map<string, Related>;
}

/** One generated file, with its path relative to `content/`. */
export interface ContentFile {
  path: string;
  text: string;
}

/** Where every node lives, and its ancestors. */
export interface Placement {
  sections: Section[];
  pageOf: Map<string, string>;
  ancestors: Map<string, DocNode[]>;
}

/** Every node id of a subtree, in reading order. */
function idsOf(nodes: DocNode[]): string[] {
  const ids: string[] = [];
  walk(nodes, (node) => ids.push(node.id));
  return ids;
}

/** Splits the document and records, for every node, its page and its ancestors. */
export function place(document: Document): Placement {
  const sections = splitSections(document);
  const pageOf = new Map<string, string>();
  for (const section of sections) {
    for (const id of idsOf(section.roots)) pageOf.set(id, section.slug);
  }
  const ancestors = new Map<string, DocNode[]>();
  walk(document.nodes, (node, above) => ancestors.set(node.id, above));
  return { sections, pageOf, ancestors };
}

/**
 * A page's title: the unit it is named after, with "Phần mở đầu" before it on the opening, and
 * the attached instrument it belongs to after it ("Điều 1. Phạm vi điều chỉnh · Quy chế"), since
 * the document's own Điều 1 has a page too.
 */
function pageTitle(section: Section, placement: Placement): string {
  const instrument = (placement.ancestors.get(section.primary.id) ?? []).find(
    (node) => node.kind === 'instrument',
  );
  const unit = nodeTitle(section.primary);
  const own = instrument ? `${unit} · ${citationPart(instrument) ?? ''}` : unit;
  if (!section.opening) return own;
  return section.primary.kind === 'title' || own === '' ? ui.opening : `${ui.opening} · ${own}`;
}

/** The first words a search engine shows under the title. */
function pageDescription(section: Section): string {
  const words: string[] = [];
  walk([section.primary], (node) => {
    for (const part of [node.label, node.heading, node.text]) if (part) words.push(part);
  });
  return clip(words.join(' '), 160);
}

/** Breadcrumb steps: the ancestors of the page's unit and the pages that hold them. */
function trailOf(section: Section, placement: Placement): TrailStep[] {
  const above = placement.ancestors.get(section.primary.id) ?? [];
  return above.map((node) => ({
    id: node.id,
    page: placement.pageOf.get(node.id) ?? section.slug,
    name: citationPart(node) ?? node.label ?? nodeTitle(node, 40),
  }));
}

/** The frontmatter of one page. */
function frontmatterOf(doc: string, section: Section, placement: Placement): PageFrontmatter {
  const primary = section.primary;
  const above = placement.ancestors.get(primary.id) ?? [];
  return {
    doc,
    page: section.slug,
    order: section.order,
    id: primary.id,
    kind: primary.kind,
    num: primary.num,
    label: primary.label,
    heading: primary.heading,
    parent: above[above.length - 1]?.id ?? null,
    citation: citation(primary, above),
    title: pageTitle(section, placement),
    description: pageDescription(section),
    ids: idsOf(section.roots),
    trail: trailOf(section, placement),
    h1: rootLevels(section.roots).includes(1),
    opening: section.opening,
  };
}

/** No cross-references: the content still renders, only without inline links. */
export const noEnrichment: Enrichment = { marks: () => [], related: new Map() };

/** One page of a document: its frontmatter and its body as mdast, before it is written as MDX. */
export interface SectionContent {
  frontmatter: PageFrontmatter;
  body: RootContent[];
}

/** Every page of a document, in reading order, as data and mdast. */
export function documentSections(
  doc: string,
  document: Document,
  enrichment: Enrichment = noEnrichment,
  placement: Placement = place(document),
): SectionContent[] {
  const context: BuildContext = {
    doc,
    ancestors: placement.ancestors,
    marks: enrichment.marks,
    related: enrichment.related,
    eids: aknEids(document),
  };
  return placement.sections.map((section) => ({
    frontmatter: frontmatterOf(doc, section, placement),
    body: sectionBody(section, context),
  }));
}

/** The MDX text of one page. */
export function sectionMdx(section: SectionContent): string {
  return toMdx(sectionTree(frontmatterText(section.frontmatter), section.body));
}

/** The tree as the content folder keeps it, beside the pages. */
export function documentJson(document: Document): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** All files of one document's content folder, `<doc>/…`, in a stable order. */
export function emitDocument(
  doc: string,
  document: Document,
  enrichment: Enrichment = noEnrichment,
  placement: Placement = place(document),
): ContentFile[] {
  const files = documentSections(doc, document, enrichment, placement).map((section) => ({
    path: `${doc}/${section.frontmatter.page}.mdx`,
    text: sectionMdx(section),
  }));
  files.push({ path: `${doc}/document.json`, text: documentJson(document) });
  return files;
}
