/**
 * What each content component of the MDX (`src/lib/mdx/build.ts` names them) becomes in HTML:
 * one entry per component, given its attributes and its already rendered children. A page of a
 * section and the full-text page differ only where `view` says so: headings follow the whole
 * document there, and cross-links stay on the page.
 */
import { citedUrl, nodeUrl } from '../site/urls.ts';
import { ui } from '../vocabulary/strings.ts';
import { attribute, escapeText } from './escape.ts';

/** Which page a fragment is for: a section page, or the full text of the document. */
export type View = 'section' | 'full';

/** What a component is rendered with besides its own attributes and children. */
export interface ComponentContext {
  view: View;
  /** The site's base path, `/` or `/sub/path/`. */
  base: string;
}

/** Attribute values of one element, by name. */
export type Attributes = Readonly<Record<string, string | undefined>>;

/** Renders one component from its attributes and its rendered children. */
export type Component = (attrs: Attributes, children: string, context: ComponentContext) => string;

/** An attribute that the builder always writes, or a one-line error naming it. */
function required(attrs: Attributes, name: string): string {
  const value = attrs[name];
  if (value === undefined) throw new Error(`content component without its "${name}" attribute`);
  return value;
}

/** A heading level from 1 to 6, 2 when the attribute is not a number. */
function headingLevel(value: string | undefined): number {
  return Math.min(6, Math.max(1, Number(value) || 2));
}

/**
 * A unit (article, clause, point, target, list item …): its element carries the node's id, so
 * `#id` lands on it, and `data-pagefind-title` (its citation big to small, for search), so a
 * search result can land on it too. The citation line shows the unit's Vietnamese citation, small
 * to big (`cite`); it names the unit, it is not text, so it stays out of the index, and the page
 * script turns it into the unit's one control for copying its citation and its link. The Akoma
 * Ntoso eId is data for other systems (`data-eid`), not words for readers.
 */
const Clause: Component = (attrs, children) => {
  const id = required(attrs, 'id');
  const kind = required(attrs, 'kind');
  const citation = attrs['citation'] ?? '';
  const shown = attrs['cite'] ?? citation;
  const eid = attrs['eid'] ?? '';
  const title = [citation, attrs['gist'] ?? ''].filter((s) => s !== '').join(' — ');
  const line =
    shown !== '' && kind !== 'item'
      ? `<p class="n-cite" data-pagefind-ignore${attribute('data-copy', id)}> ${escapeText(shown)} </p>`
      : '';
  const data = eid === '' ? '' : attribute('data-eid', eid);
  return `<div${attribute('class', `n n-${kind}`)}${attribute('id', id)}${attribute('data-pagefind-title', title)}${data}> ${line} ${children} </div>`;
};

/** A part around the body: title, recital, closing, signature, source note. */
const Frame: Component = (attrs, children) =>
  `<div${attribute('class', `f f-${required(attrs, 'kind')}`)}${attribute('id', required(attrs, 'id'))}>${children}</div>`;

/** A unit's heading line: its level on its own page, or in the whole document's outline. */
const Head: Component = (attrs, children, { view }) => {
  const level = headingLevel(view === 'full' ? attrs['full'] : attrs['level']);
  return `<h${level} class="n-h">${children}</h${level}>`;
};

/** A unit's running text; `lead` marks a frame's lead line ("Nơi nhận:", the signer's title). */
const Text: Component = (attrs, children) =>
  `<p class="${attrs['lead'] === 'true' ? 'n-t n-lead' : 'n-t'}">${children}</p>`;

/** An unlabelled paragraph: anchored by its id, not a search sub-result. */
const Para: Component = (attrs, children) =>
  `<p class="n-p"${attribute('id', required(attrs, 'id'))}>${children}</p>`;

/**
 * A unit's own label ("Điều 1.", "(7)", "b)"), as real text. It links to the unit, so without
 * JavaScript the label itself is the permanent link to share; list dashes are not links.
 */
const Label: Component = (attrs, children) => {
  const of = attrs['of'];
  return of === undefined || of === ''
    ? `<span class="n-l">${children}</span>`
    : `<a class="n-l"${attribute('href', `#${of}`)}>${children}</a>`;
};

/** A mention of another document, linking to its entry on the cited-documents page. */
const Cite: Component = (attrs, children, { base }) =>
  `<a class="cite"${attribute('href', citedUrl(required(attrs, 'doc'), required(attrs, 'to'), base))}>${children}</a>`;

/** An abbreviation with its expansion from the glossary. */
const Abbr: Component = (attrs, children) =>
  `<abbr${attribute('title', required(attrs, 'title'))}>${children}</abbr>`;

/**
 * Cross-links under a target (the tasks that serve it) or under a task (the targets it serves).
 * Kept out of the search index: they repeat other clauses' words.
 */
const Related: Component = (attrs, children) => {
  const kind = required(attrs, 'kind');
  const heading = kind === 'tasks' ? ui.relatedTasks : ui.relatedTargets;
  return `<div${attribute('class', `rel rel-${kind}`)} data-pagefind-ignore> <p class="rel-h">${escapeText(heading)}</p> <ul class="rel-l">${children}</ul> </div>`;
};

/** One cross-link: the other clause's citation, and the words both share. */
const Rel: Component = (attrs, _children, { view, base }) => {
  const to = required(attrs, 'to');
  const href =
    view === 'full' ? `#${to}` : nodeUrl(required(attrs, 'doc'), required(attrs, 'page'), to, base);
  const match = attrs['match'] ?? '';
  const words = match === '' ? '' : `<span class="rel-m"> “${escapeText(match)}”</span>`;
  return `<li><a${attribute('href', href)}>${escapeText(attrs['citation'] ?? '')}</a>${words}</li>`;
};

/**
 * Text an amending document quotes ("Điều 5 được sửa đổi như sau: “Điều 5. …”"): the amended
 * document's words, set apart so nobody reads them as this document's own units.
 */
const Quote: Component = (attrs, children) =>
  `<blockquote class="n-q"${attribute('id', required(attrs, 'id'))}${attribute('aria-label', ui.quotation)}> ${children} </blockquote>`;

/**
 * A table of the source. On narrow screens it scrolls sideways inside its frame, which is a
 * named region a keyboard can focus and scroll.
 */
const Table: Component = (attrs, children) =>
  `<div class="n-tw" tabindex="0" role="region"${attribute('aria-label', ui.table)}><table class="n-table"${attribute('id', required(attrs, 'id'))}><tbody>${children}</tbody></table></div>`;

/** A table row. */
const Row: Component = (_attrs, children) => `<tr>${children}</tr>`;

/** A table cell: a column header in a header row. */
const Cell: Component = (attrs, children) =>
  attrs['header'] === 'true' ? `<th scope="col">${children}</th>` : `<td>${children}</td>`;

/** Every component the MDX may name. */
export const COMPONENTS: Readonly<Record<string, Component>> = {
  Abbr,
  Cell,
  Cite,
  Clause,
  Frame,
  Head,
  Label,
  Para,
  Quote,
  Rel,
  Related,
  Row,
  Table,
  Text,
};
