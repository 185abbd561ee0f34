/**
 * One declared table of the units a Vietnamese legal text is made of: how a citation names each
 * one and which Akoma Ntoso element (and eId abbreviation) stands for it. Citations, pages and
 * exports all read it, so a new kind of unit is one row here.
 */
import type { NodeKind } from '../document/schema.ts';

/** How one kind of unit is named and exported. */
export interface UnitVocabulary {
  /**
   * The word a citation uses before the unit's number ("Điều", "khoản", "điểm", "mục" for a
   * numbered sub-item such as 3.2); null when a citation skips the unit.
   */
  word: string | null;
  /** Whether navigation (breadcrumbs, menus) shows the number alone ("3.2"), without the word. */
  bareInNavigation?: true;
  /** The word used when the unit has no number ("Phụ lục"), else null. */
  unnumbered: string | null;
  /** The Akoma Ntoso element of a body unit, with its eId abbreviation and `name` attribute. */
  akn: { element: string; abbr: string; name?: string } | null;
}

/** Units of the body and the appendix; frame parts (title, recitals, signature …) have none. */
export const UNITS: Partial<Record<NodeKind, UnitVocabulary>> = {
  part: { word: 'Phần', unnumbered: null, akn: { element: 'part', abbr: 'part' } },
  chapter: { word: 'Chương', unnumbered: null, akn: { element: 'chapter', abbr: 'chp' } },
  section: { word: 'Mục', unnumbered: null, akn: { element: 'section', abbr: 'sec' } },
  subsection: {
    word: 'Tiểu mục',
    unnumbered: null,
    akn: { element: 'subsection', abbr: 'subsec' },
  },
  article: { word: 'Điều', unnumbered: null, akn: { element: 'article', abbr: 'art' } },
  clause: { word: 'khoản', unnumbered: null, akn: { element: 'paragraph', abbr: 'para' } },
  subclause: {
    word: 'mục',
    bareInNavigation: true,
    unnumbered: null,
    akn: { element: 'subparagraph', abbr: 'subpara' },
  },
  point: { word: 'điểm', unnumbered: null, akn: { element: 'point', abbr: 'point' } },
  subpoint: { word: 'tiết', unnumbered: null, akn: { element: 'point', abbr: 'point' } },
  target: { word: 'chỉ tiêu', unnumbered: null, akn: { element: 'point', abbr: 'point' } },
  item: { word: null, unnumbered: null, akn: { element: 'indent', abbr: 'indent' } },
  paragraph: {
    word: null,
    unnumbered: null,
    akn: { element: 'hcontainer', abbr: 'hcontainer', name: 'doan' },
  },
  appendix: {
    word: 'Phụ lục',
    unnumbered: 'Phụ lục',
    akn: { element: 'hcontainer', abbr: 'hcontainer', name: 'phu-luc' },
  },
  form: {
    word: 'Mẫu số',
    unnumbered: 'Mẫu',
    akn: { element: 'hcontainer', abbr: 'hcontainer', name: 'mau' },
  },
  // An attached instrument is named by its own kind ("Quy chế"): see `instrumentName`.
  instrument: {
    word: null,
    unnumbered: null,
    akn: { element: 'hcontainer', abbr: 'hcontainer', name: 'van-ban-kem-theo' },
  },
  quote: {
    word: null,
    unnumbered: null,
    akn: { element: 'hcontainer', abbr: 'hcontainer', name: 'trich-dan' },
  },
  table: { word: null, unnumbered: null, akn: { element: 'hcontainer', abbr: 'hcontainer' } },
};

/** The Akoma Ntoso element of a unit; unknown kinds become a generic container. */
export function aknElement(kind: NodeKind): { element: string; abbr: string; name?: string } {
  return UNITS[kind]?.akn ?? { element: 'hcontainer', abbr: 'hcontainer' };
}
