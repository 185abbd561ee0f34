/**
 * Stable ids, which become public URLs (`/<doc>/<page>/#dieu-1.khoan-3-1.diem-b`). The rule is
 * documented in docs/data-format.md; a snapshot test fails when any id of the seed changes.
 */
import type { DocNode, NodeKind } from './schema.ts';
import { slugify } from '../text/slug.ts';

/** A node before it has an id. */
export type Unnamed = Omit<DocNode, 'id' | 'children'> & { children: Unnamed[] };

/** Fixed ids for the parts around the body, named as Vietnamese readers name them. */
const FRAME_IDS: Partial<Record<NodeKind, string>> = {
  issuer: 'co-quan-ban-hanh',
  motto: 'quoc-hieu',
  number: 'so-hieu',
  'place-date': 'dia-danh-ngay',
  'doc-type': 'loai-van-ban',
  title: 'tieu-de',
  session: 'ky-hop',
  recital: 'can-cu',
  'enacting-formula': 'quyet-nghi',
  closing: 'thong-qua',
  recipients: 'noi-nhan',
  signature: 'chu-ky',
  'source-note': 'nguon',
  attachment: 'kem-theo',
};

/**
 * Kinds numbered across a whole document, whose ids need no ancestor: `dieu-5`, `chi-tieu-7`.
 * Sections are numbered within their chapter ("Mục 1 Chương II"), so their ids keep it.
 */
const SCOPE_LEVEL = new Set<NodeKind>(['part', 'chapter', 'article', 'target']);

/** Containers whose units are numbered afresh, so their ids carry the container's prefix. */
const SCOPES = new Set<NodeKind>(['appendix', 'form', 'instrument']);

/** The id segment of an attached instrument: its kind ("QUY CHẾ" → `quy-che`). */
function instrumentSegment(node: Unnamed): string {
  const type = node.children.find((c) => c.kind === 'doc-type')?.text ?? '';
  return slugify(type) || 'van-ban-kem-theo';
}

/** The id segment of one node; `index` counts siblings of the same kind from 1. */
function segment(node: Unnamed, index: number): string {
  const num = node.num ? slugify(node.num.replace(/đ/g, 'dd').replace(/\./g, '-')) : '';
  switch (node.kind) {
    case 'part':
      return `phan-${num}`;
    case 'chapter':
      return `chuong-${num}`;
    case 'section':
      return `muc-${num}`;
    case 'subsection':
      return `tieu-muc-${num}`;
    case 'article':
      return `dieu-${num}`;
    case 'clause':
    case 'subclause':
      return `khoan-${num}`;
    case 'point':
      return `diem-${num}`;
    case 'subpoint':
      return `tiet-${num}`;
    case 'target':
      return `chi-tieu-${num}`;
    case 'item':
      return `gach-${index}`;
    case 'paragraph':
      return `doan-${index}`;
    case 'appendix':
      return num ? `phu-luc-${num}` : 'phu-luc';
    case 'form':
      return num ? `mau-${num}` : `mau-${index}`;
    case 'instrument':
      return instrumentSegment(node);
    case 'quote':
      return `trich-dan-${index}`;
    case 'table':
      return `bang-${index}`;
    case 'row':
      return `hang-${index}`;
    case 'cell':
      return `o-${index}`;
    case 'recital':
      return `can-cu-${index}`;
    default:
      return FRAME_IDS[node.kind] ?? node.kind;
  }
}

/** Numbers each node among its siblings of the same kind. */
function siblingIndexes(nodes: Unnamed[]): number[] {
  const seen = new Map<NodeKind, number>();
  return nodes.map((n) => {
    const i = (seen.get(n.kind) ?? 0) + 1;
    seen.set(n.kind, i);
    return i;
  });
}

/** Gives every node its id: the parent's id plus a segment, unique within the document. */
export function assignIds(nodes: Unnamed[]): DocNode[] {
  const used = new Set<string>();
  // The next suffix to try for each id, so that many alike ids cost no more than distinct ones.
  const nextSuffix = new Map<string, number>();
  const unique = (id: string): string => {
    let candidate = id;
    let n = nextSuffix.get(id) ?? 2;
    while (used.has(candidate)) candidate = `${id}-${n++}`;
    nextSuffix.set(id, n);
    used.add(candidate);
    return candidate;
  };
  // `scope` is the id of the nearest appendix, form or instrument (or ''), where numbering restarts.
  const visit = (
    list: Unnamed[],
    parentId: string,
    parentKind: NodeKind | null,
    scope: string,
  ): DocNode[] => {
    const indexes = siblingIndexes(list);
    return list.map((node, i) => {
      const own = segment(node, indexes[i] ?? 1);
      let base: string;
      if (SCOPE_LEVEL.has(node.kind)) base = scope;
      else if (node.kind === 'subclause' && parentKind === 'clause') {
        base = parentId.slice(0, Math.max(0, parentId.lastIndexOf('.')));
      } else base = parentId;
      const id = unique(base ? `${base}.${own}` : own);
      const childScope = SCOPES.has(node.kind) ? id : scope;
      return { ...node, id, children: visit(node.children, id, node.kind, childScope) };
    });
  };
  return visit(nodes, '', null, '');
}
