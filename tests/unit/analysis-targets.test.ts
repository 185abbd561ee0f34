import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import type { DocNode, Document } from '../../src/lib/document/schema';
import { flatten } from '../../src/lib/document/tree';
import { withIndicators } from '../../src/lib/analysis/indicators';
import { linkTargetsToTasks, targetsByTask } from '../../src/lib/analysis/targets';
import { spellingKey } from '../../src/lib/text/fold';
import { EMPTY_META } from '../support/trees.ts';

const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
/** A hand-made plan resolution of a fictional province, written for these tests. */
const PLAN_FILE = 'tests/fixtures/analysis/ke-hoach-tinh-mau.txt';
const links = linkTargetsToTasks(seed);
const byId = new Map(flatten(seed.nodes).map((node) => [node.id, node]));
const tasksOf = (targetId: string): string[] =>
  links.find((link) => link.targetId === targetId)?.tasks.map((task) => task.nodeId) ?? [];

/**
 * The seed's table of target ↔ task pairs, made by reading the text: for every target, the task
 * clauses it must link to, and those a reader also accepts. Any other link is wrong.
 */
const SEED_PAIRS: Record<string, { required: string[]; allowed?: string[] }> = {
  'chi-tieu-1': { required: [] },
  'chi-tieu-2': {
    required: ['dieu-1.khoan-3-1.diem-a', 'dieu-1.khoan-3-1.diem-a.doan-1'],
    // Land made ready "nhất là … các lĩnh vực công nghiệp chế biến, chế tạo".
    allowed: ['dieu-1.khoan-3-4.doan-1'],
  },
  'chi-tieu-3': { required: [] },
  'chi-tieu-4': { required: [] },
  'chi-tieu-5': { required: [] },
  'chi-tieu-6': {
    required: ['dieu-1.khoan-3-1.diem-d.doan-1'],
    allowed: ['dieu-1.khoan-3-1.diem-d'],
  },
  'chi-tieu-7': { required: ['dieu-1.khoan-3-2.diem-b.doan-3'] },
  'chi-tieu-8': { required: ['dieu-1.khoan-3-2.diem-b', 'dieu-1.khoan-3-2.diem-b.doan-3'] },
  'chi-tieu-9': { required: [] },
  'chi-tieu-10': { required: ['dieu-1.khoan-3-1.diem-a.doan-1'] },
  'chi-tieu-11': { required: [] },
  'chi-tieu-12': { required: [], allowed: ['dieu-1.khoan-3-2.diem-c'] },
  'chi-tieu-13': { required: [] },
  'chi-tieu-14': { required: ['dieu-1.khoan-3-3.doan-2'] },
  'chi-tieu-15': { required: [] },
  'chi-tieu-16': { required: ['dieu-1.khoan-3-2.diem-c.doan-3'] },
  'chi-tieu-17': { required: [] },
  'chi-tieu-18': { required: [] },
  'chi-tieu-19': { required: ['dieu-1.khoan-3-4.doan-2'] },
  'chi-tieu-20': { required: ['dieu-1.khoan-3-4.doan-2'] },
  'chi-tieu-21': { required: [] },
};

/** Links a reader would frown at: words shared by accident. */
const FORBIDDEN_LINKS: Array<[string, string, string]> = [
  [
    'chi-tieu-6',
    'dieu-1.khoan-3-2.diem-c.doan-3',
    'spending on education ("tổng chi ngân sách nhà nước") is not revenue',
  ],
  ['chi-tieu-6', 'dieu-1.khoan-3-1.diem-d.doan-2', '"chi ngân sách" is spending, not revenue'],
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

  it('has a hand-made entry for every target', () => {
    expect(Object.keys(SEED_PAIRS)).toEqual(links.map((link) => link.targetId));
  });

  it.each(Object.entries(SEED_PAIRS))(
    'links %s to exactly the clauses of the table',
    (id, { required, allowed = [] }) => {
      expect(tasksOf(id)).toEqual(expect.arrayContaining(required));
      for (const task of tasksOf(id)) expect([...required, ...allowed]).toContain(task);
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
      const targetKeys = spellingKey(target?.text ?? '');
      for (const task of tasks) {
        const field = byId.get(task.nodeId)?.[task.field] ?? '';
        expect(task.matched.length).toBeGreaterThan(0);
        for (const words of task.matched) {
          expect(field).toContain(words);
          if (task.reason === 'terms') {
            for (const word of words.split(/[\s,]+/))
              expect(targetKeys).toContain(spellingKey(word));
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

describe('spellingKey', () => {
  it('unifies old and new tone placement at the end of a word only', () => {
    expect(spellingKey('Hoá')).toBe(spellingKey('hóa'));
    expect(spellingKey('thuỷ')).toBe(spellingKey('thủy'));
    expect(spellingKey('toàn')).toBe('toàn');
    expect(spellingKey('mới')).not.toBe(spellingKey('môi'));
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
          node('target', 'chi-tieu-3', null, 'Tổng thu ngân sách nhà nước đạt 9.200 tỷ đồng.'),
          node('target', 'chi-tieu-4', null, 'Kim ngạch nhập khẩu hàng hóa chủ lực tăng 5%.'),
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
      ['chi-tieu-3', []],
      ['chi-tieu-4', []],
    ]);
    expect(result[1]?.tasks[0]).toMatchObject({
      reason: 'figure',
      matched: ['thu hút', '30 dự án mới'],
    });
  });

  it('links by a figure alone a task that shares no pair of words with the target', () => {
    const document = tree([
      node('paragraph', 'nang-cap', null, 'Nâng cấp 120 km.'),
      node('paragraph', 'khac', null, 'Nâng cấp 80 km.'),
    ]);
    const targets = document.nodes[0]?.children[0]?.children;
    targets?.push(node('target', 'chi-tieu-5', null, 'Làm mới 120 km.'));
    const link = linkTargetsToTasks(document).find((l) => l.targetId === 'chi-tieu-5');
    expect(link?.tasks).toEqual([
      { nodeId: 'nang-cap', field: 'text', reason: 'figure', matched: ['120 km'], score: 10 },
    ]);
  });

  it('does not link a phrase preceded by its opposite: spending is not revenue', () => {
    const result = linkTargetsToTasks({
      ...tree([
        node('paragraph', 'chi', null, 'Điều hành chi ngân sách nhà nước tiết kiệm, hiệu quả.'),
        node('paragraph', 'thu', null, 'Tăng thu ngân sách nhà nước từ thuế, phí.'),
        node('paragraph', 'xuat', null, 'Đẩy mạnh xuất khẩu hàng hóa chủ lực của tỉnh.'),
      ]),
    });
    const own = (target: string): string[] =>
      result.find((link) => link.targetId === target)?.tasks.map((task) => task.nodeId) ?? [];
    expect(own('chi-tieu-3')).toEqual(['thu']);
    expect(own('chi-tieu-4')).toEqual([]);
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

describe('targets linked to task clauses in a hand-made plan of another province', () => {
  const { document: plan } = loadDocumentFile(PLAN_FILE);
  const planLinks = linkTargetsToTasks(plan);
  const planTasks = (targetId: string): string[] =>
    planLinks.find((link) => link.targetId === targetId)?.tasks.map((task) => task.nodeId) ?? [];
  /** Its table of pairs, as for the seed; targets left out have none. */
  const PLAN_PAIRS: Record<string, { required: string[]; allowed?: string[] }> = {
    'chi-tieu-2': { required: ['dieu-1.khoan-3-1.diem-a'] },
    'chi-tieu-3': { required: ['dieu-1.khoan-3-1.diem-b'] },
    'chi-tieu-7': { required: [], allowed: ['dieu-1.khoan-3-2.diem-a'] },
    'chi-tieu-8': { required: [], allowed: ['dieu-1.khoan-3-2.diem-a'] },
    'chi-tieu-9': { required: [], allowed: ['dieu-1.khoan-3-2.diem-b'] },
    'chi-tieu-10': { required: ['dieu-1.khoan-3-2.diem-c'] },
    'chi-tieu-13': { required: ['dieu-1.khoan-3-3.doan-1'] },
    'chi-tieu-14': { required: ['dieu-1.khoan-3-3.doan-1'] },
  };

  it.each(planLinks.map((link) => link.targetId))('links %s as its table says', (id) => {
    const { required, allowed = [] } = PLAN_PAIRS[id] ?? { required: [] };
    expect(planTasks(id)).toEqual(expect.arrayContaining(required));
    for (const task of planTasks(id)) expect([...required, ...allowed]).toContain(task);
  });

  it('keeps revenue apart from the spending clause beside it', () => {
    expect(planTasks('chi-tieu-3')).not.toContain('dieu-1.khoan-3-1.diem-c');
  });
});
