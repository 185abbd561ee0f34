import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import type { DocNode, Document } from '../../src/lib/document/schema';
import { flatten } from '../../src/lib/document/tree';
import { withIndicators } from '../../src/lib/analysis/indicators';
import { linkTargetsToTasks, targetsByTask, wordKey } from '../../src/lib/analysis/targets';
import { EMPTY_META } from '../support/trees.ts';

const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
const links = linkTargetsToTasks(seed);
const byId = new Map(flatten(seed.nodes).map((node) => [node.id, node]));
const tasksOf = (targetId: string): string[] =>
  links.find((link) => link.targetId === targetId)?.tasks.map((task) => task.nodeId) ?? [];

/** Links a reader nods at: target → task nodes that must be among its links. */
const EXPECTED_LINKS: Record<string, string[]> = {
  'chi-tieu-2': ['dieu-1.khoan-3-1.diem-a', 'dieu-1.khoan-3-1.diem-a.doan-1'],
  'chi-tieu-6': ['dieu-1.khoan-3-1.diem-d.doan-1'],
  'chi-tieu-7': ['dieu-1.khoan-3-2.diem-b.doan-3'],
  'chi-tieu-8': ['dieu-1.khoan-3-2.diem-b', 'dieu-1.khoan-3-2.diem-b.doan-3'],
  'chi-tieu-10': ['dieu-1.khoan-3-1.diem-a.doan-1'],
  'chi-tieu-14': ['dieu-1.khoan-3-3.doan-2'],
  'chi-tieu-16': ['dieu-1.khoan-3-2.diem-c.doan-3'],
  'chi-tieu-19': ['dieu-1.khoan-3-4.doan-2'],
  'chi-tieu-20': ['dieu-1.khoan-3-4.doan-2'],
};

/** Links a reader would frown at: words shared by accident. */
const FORBIDDEN_LINKS: Array<[string, string, string]> = [
  ['chi-tieu-7', 'dieu-1.khoan-3-7.doan-1', '"tạo lập môi trường" is not "thành lập mới"'],
  ['chi-tieu-9', 'dieu-1.khoan-3-6', '"an toàn xã hội" is not "toàn xã hội"'],
  ['chi-tieu-14', 'dieu-1.khoan-3-2.diem-c.doan-1', '"dược sĩ đại học" is not universities'],
  ['chi-tieu-15', 'dieu-1.khoan-3-2.diem-b.doan-1', 'HDI is not the PCI ranking'],
  ['chi-tieu-19', 'dieu-1.khoan-3-1.diem-d.doan-3', 'a shared "100%" alone says nothing'],
  ['chi-tieu-20', 'dieu-1.khoan-3-2.diem-b.doan-1', 'a shared "100%" alone says nothing'],
];

describe('targets linked to task clauses in the seed', () => {
  it('lists every target once, in order', () => {
    expect(links.map((link) => link.targetId)).toEqual(
      Array.from({ length: 21 }, (_, i) => `chi-tieu-${i + 1}`),
    );
  });

  it.each(Object.entries(EXPECTED_LINKS))(
    'links %s to the clauses that work toward it',
    (id, tasks) => {
      expect(tasksOf(id)).toEqual(expect.arrayContaining(tasks));
    },
  );

  it.each(FORBIDDEN_LINKS)('does not link %s to %s: %s', (target, task) => {
    expect(tasksOf(target)).not.toContain(task);
  });

  it('links target (7) by its figure, showing "thành lập mới trên 2.500 doanh nghiệp"', () => {
    const task = links
      .find((link) => link.targetId === 'chi-tieu-7')
      ?.tasks.find((t) => t.nodeId === 'dieu-1.khoan-3-2.diem-b.doan-3');
    expect(task?.reason).toBe('figure');
    expect(task?.matched.join(' ')).toContain('thành lập mới');
    expect(task?.matched).toContain('trên 2.500 doanh nghiệp');
  });

  it('shows matched words verbatim from the task and shared with the target', () => {
    for (const { targetId, tasks } of links) {
      const target = byId.get(targetId);
      const targetKeys = wordKey(target?.text ?? '');
      for (const task of tasks) {
        const field = byId.get(task.nodeId)?.[task.field] ?? '';
        expect(task.matched.length).toBeGreaterThan(0);
        for (const words of task.matched) {
          expect(field).toContain(words);
          if (task.reason === 'terms') {
            for (const word of words.split(/[\s,]+/)) expect(targetKeys).toContain(wordKey(word));
          }
        }
      }
    }
  });

  it('only links nodes of the tasks part, never targets or the general objective', () => {
    for (const { tasks } of links) {
      for (const task of tasks) expect(task.nodeId.startsWith('dieu-1.khoan-3')).toBe(true);
    }
  });

  it('stays precise: few links per target, many targets with none', () => {
    const counts = links.map((link) => link.tasks.length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(counts.filter((count) => count === 0).length).toBeGreaterThan(5);
  });

  it('gives the same links on the tree with indicators', () => {
    expect(linkTargetsToTasks(withIndicators(seed))).toEqual(links);
  });

  it('inverts into task → targets', () => {
    const inverse = targetsByTask(links);
    expect(inverse.get('dieu-1.khoan-3-4.doan-2')).toEqual(['chi-tieu-19', 'chi-tieu-20']);
    expect(inverse.get('dieu-1.khoan-3-2.diem-b.doan-3')).toEqual(['chi-tieu-7', 'chi-tieu-8']);
  });
});

describe('wordKey', () => {
  it('unifies old and new tone placement at the end of a word only', () => {
    expect(wordKey('Hoá')).toBe(wordKey('hóa'));
    expect(wordKey('thuỷ')).toBe(wordKey('thủy'));
    expect(wordKey('toàn')).toBe('toàn');
    expect(wordKey('mới')).not.toBe(wordKey('môi'));
  });
});

describe('linkTargetsToTasks on a hand-made tree', () => {
  const node = (
    kind: DocNode['kind'],
    id: string,
    heading: string | null,
    text: string | null,
    children: DocNode[] = [],
  ): DocNode => ({ kind, id, num: null, label: null, heading, text, line: 1, children });
  const tree = (tasks: DocNode[]): Document => ({
    format: 1,
    meta: EMPTY_META,
    nodes: [
      node('article', 'dieu-1', null, null, [
        node('clause', 'dieu-1.khoan-1', 'Chỉ tiêu', null, [
          node('target', 'chi-tieu-1', null, 'Tỷ lệ che phủ rừng ngập mặn đạt trên 46%.'),
          node('target', 'chi-tieu-2', null, 'Thu hút trên 30 dự án đầu tư.'),
        ]),
        node('clause', 'dieu-1.khoan-2', 'Nhiệm vụ và giải pháp', null, tasks),
      ]),
    ],
  });

  it('links by a shared run of three words and by a figure, not by one shared word', () => {
    const result = linkTargetsToTasks(
      tree([
        node('paragraph', 'a', null, 'Trồng mới và bảo vệ che phủ rừng ngập mặn ven biển.'),
        node('paragraph', 'b', null, 'Phát triển rừng gỗ lớn.'),
        node('paragraph', 'c', null, 'Phấn đấu thu hút 30 dự án mới.'),
        node('paragraph', 'd', null, 'Giải ngân 46% vốn.'),
      ]),
    );
    expect(result.map((link) => [link.targetId, link.tasks.map((task) => task.nodeId)])).toEqual([
      ['chi-tieu-1', ['a']],
      ['chi-tieu-2', ['c']],
    ]);
    expect(result[1]?.tasks[0]).toMatchObject({
      reason: 'figure',
      matched: ['thu hút', '30 dự án mới'],
    });
  });

  it('falls back to every body node when no heading names the tasks', () => {
    const document = tree([]);
    const article = document.nodes[0];
    article?.children.push(
      node('paragraph', 'dieu-1.doan-9', null, 'Bảo vệ che phủ rừng ngập mặn.'),
    );
    const clause = article?.children[1];
    if (clause) clause.heading = 'Tổ chức thực hiện';
    expect(linkTargetsToTasks(document)[0]?.tasks.map((task) => task.nodeId)).toEqual([
      'dieu-1.doan-9',
    ]);
  });
});
