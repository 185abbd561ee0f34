/**
 * Search filters of a section page (Pagefind `data-pagefind-filter`): `phan`, the part of the
 * resolution (targets, tasks, opening, other), and `nhom`, the group (kinh tế, xã hội, môi
 * trường for targets; the task group for tasks).
 */
import type { DocNode } from '../document/schema.ts';
import { clip } from '../vocabulary/titles.ts';

export const PART = {
  targets: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ',
  opening: 'Mở đầu',
  other: 'Khác',
} as const;

/** A filter value: Pagefind separates filters with commas, so a value holds none. */
function value(text: string): string {
  return text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "Về kinh tế:" → "Kinh tế": the name of a group of targets. */
export function groupName(text: string): string {
  const bare = text.replace(/^\s*về\s+/iu, '').replace(/[\s:.]+$/u, '');
  return value(bare.charAt(0).toLocaleUpperCase('vi') + bare.slice(1));
}

/** True for a heading that names the tasks part ("Nhiệm vụ và giải pháp"). */
function isTasks(node: DocNode): boolean {
  return /nhiệm vụ|giải pháp/iu.test(node.heading ?? '');
}

/** The filters of a page, as `name:value` strings. */
export function pageFilters(
  ids: string[],
  primary: DocNode,
  opening: boolean,
  nodes: Map<string, DocNode>,
  ancestors: Map<string, DocNode[]>,
): string[] {
  const targets = ids.map((id) => nodes.get(id)).filter((n) => n?.kind === 'target');
  if (targets.length > 0) {
    const groups = new Set<string>();
    for (const target of targets) {
      const holder = (ancestors.get(target?.id ?? '') ?? []).at(-1);
      const name = holder ? groupName(holder.heading ?? holder.text ?? '') : '';
      if (name !== '') groups.add(name);
    }
    return [`phan:${PART.targets}`, ...[...groups].map((g) => `nhom:${g}`)];
  }
  if (opening) return [`phan:${PART.opening}`];
  const chain = [...(ancestors.get(primary.id) ?? []), primary];
  if (chain.some(isTasks)) {
    const group = value(clip([primary.num, primary.heading].filter((s) => s).join(' '), 60));
    return [`phan:${PART.tasks}`, ...(group !== '' ? [`nhom:${group}`] : [])];
  }
  return [`phan:${PART.other}`];
}
