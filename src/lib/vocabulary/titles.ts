/** Short names for nodes and pages, shared by MDX attributes, frontmatter and navigation. */
import type { DocNode } from '../document/schema.ts';

/** Collapses runs of whitespace, so derived titles never carry the source's spacing quirks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The squashed text, or only its start when that is longer than `max` already: squashing a
 * start gives the start of the squashed whole, and squashing whole sections for their
 * descriptions took two fifths of the time spent splitting documents into pages.
 */
function squashedStart(text: string, max: number): string {
  // Room for runs of spaces: a start of twice the limit rarely squashes to less than the limit.
  const room = 2 * max + 16;
  if (text.length <= room) return squash(text);
  const start = squash(text.slice(0, room));
  return start.length > max ? start : squash(text);
}

/** At most `max` characters, cut at a word boundary with an ellipsis, for titles and menus. */
export function clip(text: string, max: number): string {
  const flat = squashedStart(text, max);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
}

/** The first `count` words, for search titles ("… — Phấn đấu thành lập mới đạt trên …"). */
export function firstWords(text: string, count: number): string {
  // The words of `squash`, split off no further than one past `count`.
  const words = text.trim().split(/\s+/, count + 1);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}

/** What a node is about in a few words: its heading, else the start of its text. */
export function gist(node: DocNode, words = 12): string {
  if (node.heading) return firstWords(node.heading, words);
  if (node.text) return firstWords(node.text, words);
  const child = node.children.find((c) => c.heading ?? c.text);
  return child ? gist(child, words) : '';
}

/** An attached instrument's type line and title: "QUY CHẾ Quản lý và sử dụng …". */
function instrumentTitle(node: DocNode): string {
  const line = (kind: string): string | null =>
    node.children.find((c) => c.kind === kind)?.text ?? null;
  return [line('doc-type'), line('title')].filter((s) => s !== null).join(' ');
}

/** How a node is named in menus: "3.1. Đẩy mạnh …", "Điều 2. Hội đồng nhân dân tỉnh giao:". */
export function nodeTitle(node: DocNode, max = 120): string {
  if (node.kind === 'instrument') return clip(instrumentTitle(node) || gist(node), max);
  const words = node.heading ?? node.text ?? gist(node);
  return clip([node.label, words].filter((s) => s).join(' '), max);
}
