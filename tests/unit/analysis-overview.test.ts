import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import type { Indicator } from '../../src/lib/document/schema';
import { flatten } from '../../src/lib/document/tree';
import { withIndicators } from '../../src/lib/analysis/indicators';
import {
  formatFigure,
  otherCommitments,
  partsOfWhole,
  percentBars,
  populationRates,
  targetCard,
} from '../../src/lib/analysis/overview';

const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
const targets = flatten(withIndicators(seed).nodes).filter((node) => node.kind === 'target');
const target = (num: string) => {
  const found = targets.find((node) => node.num === num);
  if (!found) throw new Error(`no target ${num}`);
  return found;
};
const indicator = (fields: Partial<Indicator>): Indicator => ({
  text: 'x',
  value: null,
  min: null,
  max: null,
  comparator: 'eq',
  unit: null,
  subject: null,
  ...fields,
});

describe('formatFigure', () => {
  it.each<[Partial<Indicator>, string, string]>([
    [{ comparator: 'gt', value: 12.5, unit: '%' }, 'trên 12,5%', 'trên 12,5%'],
    [{ comparator: 'gte', value: 11800, unit: 'USD' }, '≥ 11.800 USD', 'từ 11.800 USD trở lên'],
    [{ comparator: 'lt', value: 2.05, unit: '%' }, 'dưới 2,05%', 'dưới 2,05%'],
    [{ comparator: 'lte', value: 20, unit: 'tỷ đồng' }, '≤ 20 tỷ đồng', 'không quá 20 tỷ đồng'],
    [{ comparator: 'eq', value: 17500, unit: 'tỷ đồng' }, '17.500 tỷ đồng', '17.500 tỷ đồng'],
    [{ comparator: 'range', min: 12.5, max: 13, unit: '%' }, '12,5–13%', 'từ 12,5% đến 13%'],
    [
      { comparator: 'range', min: 2, max: 2.5, unit: 'tỷ USD' },
      '2–2,5 tỷ USD',
      'từ 2 đến 2,5 tỷ USD',
    ],
    [{ comparator: 'lte', value: 5, unit: 'hạng' }, 'nhóm 5 đứng đầu', 'nhóm 5 đứng đầu'],
  ])('writes %j as %j', (fields, visual, spoken) => {
    expect(formatFigure(indicator(fields))).toEqual({ visual, spoken });
  });
});

describe('target cards', () => {
  it('gives every seed target a short title and its figures', () => {
    for (const node of targets) {
      const card = targetCard(node);
      expect(card.title.length).toBeGreaterThan(3);
      expect(card.title.length).toBeLessThanOrEqual(91);
      expect(card.figures).toHaveLength(node.indicators?.length ?? -1);
    }
    expect(targetCard(target('1')).title).toBe(
      'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)',
    );
    expect(targetCard(target('1')).figures[0]?.visual).toBe('trên 12,5%');
    expect(targetCard(target('3')).figures[0]?.visual).toBe('≥ 11.800 USD');
    expect(targetCard(target('17')).title).toBe(
      'Toàn tỉnh không còn hộ nghèo theo chuẩn nghèo đa chiều quốc gia',
    );
  });
});

describe('pictures', () => {
  it('draws every percentage as a bar within 0–100', () => {
    const bars = percentBars(targets);
    const percentages = targets
      .flatMap((node) => node.indicators ?? [])
      .filter((i) => i.unit === '%');
    expect(bars).toHaveLength(percentages.length);
    for (const bar of bars) {
      expect(bar.from).toBeGreaterThanOrEqual(0);
      expect(bar.to).toBeLessThanOrEqual(100);
      expect(bar.from).toBeLessThanOrEqual(bar.to);
    }
    const nine = bars.find((bar) => bar.targetId === 'chi-tieu-9');
    expect([nine?.from, nine?.to, nine?.visual]).toEqual([12.5, 13, '12,5–13%']);
  });

  it('splits the budget revenue of target (6) into its two parts, and nothing else', () => {
    const split = partsOfWhole(target('6'));
    expect(split?.total.visual).toBe('trên 74.000 tỷ đồng');
    expect(split?.parts.map((part) => [part.subject, part.value])).toEqual([
      ['Thu nội địa', 56500],
      ['thu xuất nhập khẩu', 17500],
    ]);
    const others = targets.filter((node) => node.num !== '6').map(partsOfWhole);
    expect(others.every((value) => value === null)).toBe(true);
  });

  it('gathers the health ratios of target (14) per 10,000 people', () => {
    const rates = populationRates(target('14'));
    expect(rates?.base).toBe('1 vạn dân');
    expect(rates?.items.map((item) => [item.noun, item.value])).toEqual([
      ['giường bệnh', 62],
      ['bác sĩ', 18],
      ['dược sĩ đại học', 8],
      ['điều dưỡng', 27],
    ]);
    expect(targets.filter((node) => populationRates(node) !== null)).toHaveLength(1);
  });
});

describe('commitments outside the targets', () => {
  it('lists the quantified commitments of the tasks with their nodes', () => {
    const commitments = otherCommitments(seed);
    const texts = commitments.flatMap((c) => c.figures.map((figure) => figure.text));
    for (const expected of [
      'trên 22 triệu lượt khách du lịch',
      '2 - 2,5 tỷ USD',
      'ít nhất 30.000 việc làm tăng thêm',
      'ít nhất 3%',
      'ít nhất 5%',
    ]) {
      expect(texts).toContain(expected);
    }
    for (const commitment of commitments) {
      expect(commitment.node.kind).not.toBe('target');
      expect(commitment.ancestors.some((node) => node.kind === 'article')).toBe(true);
    }
  });
});
