import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import type { Indicator } from '../../src/lib/document/schema';
import { flatten } from '../../src/lib/document/tree';
import { withIndicators } from '../../src/lib/analysis/indicators';
import fc from 'fast-check';
import {
  formatFigure,
  niceCeiling,
  otherCommitments,
  partsOfWhole,
  percentCharts,
  percentKind,
  populationRates,
  targetCard,
} from '../../src/lib/analysis/overview';
import { targetGroups } from '../../src/lib/site/document';

const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
type PercentKindName = ReturnType<typeof percentKind>;
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
    [{ comparator: 'eq', value: 3, unit: 'hạng' }, 'hạng 3', 'hạng 3'],
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
  it('draws every percentage once, each bar within its scale and named', () => {
    const charts = percentCharts(targets);
    const percentages = targets
      .flatMap((node) => node.indicators ?? [])
      .filter((i) => i.unit === '%');
    expect(charts.flatMap((chart) => chart.bars)).toHaveLength(percentages.length);
    for (const chart of charts) {
      for (const bar of chart.bars) {
        expect(bar.from).toBeGreaterThanOrEqual(0);
        expect(bar.to).toBeLessThanOrEqual(chart.max);
        expect(bar.from).toBeLessThanOrEqual(bar.to);
        expect(bar.title.length).toBeGreaterThan(3);
      }
    }
    // Two bars of one target are told apart by what they measure.
    const twelve = charts.flatMap((c) => c.bars).filter((bar) => bar.targetId === 'chi-tieu-12');
    expect(new Set(twelve.map((bar) => bar.title)).size).toBe(twelve.length);
  });

  it('draws growth rates on their own scale, not as shares of 100%', () => {
    const economy = targetGroups(withIndicators(seed))[0]?.targets ?? [];
    const [shares, changes] = percentCharts(economy);
    expect(shares?.kind).toBe('share');
    expect(shares?.max).toBe(100);
    expect(shares?.bars.map((bar) => bar.label)).toEqual(['(2)', '(4)', '(5)', '(8)', '(11)']);
    expect(changes?.kind).toBe('change');
    expect(changes?.bars.map((bar) => bar.label)).toEqual(['(1)', '(9)', '(10)']);
    expect(changes?.max).toBe(15);
    const nine = changes?.bars.find((bar) => bar.targetId === 'chi-tieu-9');
    expect([nine?.from, nine?.to, nine?.visual]).toEqual([12.5, 13, '12,5–13%']);
  });

  it.each<[string, PercentKindName]>([
    ['Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)', 'change'],
    ['Tốc độ tăng tổng vốn đầu tư toàn xã hội', 'change'],
    ['Tỷ lệ hộ nghèo giảm', 'change'],
    ['Tỷ trọng kinh tế số trong GRDP', 'share'],
    ['Đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế', 'share'],
    ['tại các khu vực nông thôn', 'share'],
  ])('reads %j as a %s', (subject, kind) => {
    expect(percentKind(indicator({ subject, value: 10, unit: '%' }))).toBe(kind);
  });

  it('never draws a figure above 100% as a share', () => {
    expect(percentKind(indicator({ subject: 'Tỷ lệ', value: 120, unit: '%' }))).toBe('change');
  });

  it('ends a scale at a round value at or above the largest figure, within twice it', () => {
    expect([niceCeiling(13), niceCeiling(51), niceCeiling(1.5), niceCeiling(100)]).toEqual([
      15, 100, 1.5, 100,
    ]);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e9, noNaN: true }), (value) => {
        const end = niceCeiling(value);
        return end >= value && end <= value * 2;
      }),
    );
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

  it('gathers the ratios of target (14) per 10,000 people, and no other', () => {
    const [rates, ...more] = populationRates(targets);
    expect(more).toEqual([]);
    expect(rates?.base).toBe('1 vạn dân');
    expect(rates?.items.map((item) => [item.label, item.noun, item.value])).toEqual([
      ['(14)', 'giường bệnh', 62],
      ['(14)', 'bác sĩ', 18],
      ['(14)', 'dược sĩ đại học', 8],
      ['(14)', 'điều dưỡng', 27],
    ]);
  });

  it('gathers rates per population across the targets of a group of another plan', () => {
    const { document: plan } = loadDocumentFile('tests/fixtures/analysis/ke-hoach-tinh-mau.txt');
    const social = targetGroups(withIndicators(plan))[1]?.targets ?? [];
    const rates = populationRates(social);
    expect(rates.map((rate) => rate.base)).toEqual(['10.000 dân']);
    expect(rates[0]?.items.map((item) => [item.label, item.noun, item.value])).toEqual([
      ['(7)', 'bác sĩ', 13],
      ['(8)', 'giường', 32],
    ]);
    const [changes] = percentCharts(social).filter((chart) => chart.kind === 'change');
    expect(changes?.bars.map((bar) => bar.label)).toEqual(['(9)']);
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
