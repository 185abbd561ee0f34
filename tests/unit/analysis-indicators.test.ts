import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import { DocumentSchema, type DocNode, type Indicator } from '../../src/lib/document/schema';
import { flatten } from '../../src/lib/document/tree';
import {
  findIndicators,
  isMeasuringUnit,
  nodeIndicators,
  withIndicators,
} from '../../src/lib/analysis/indicators';
import { LEXICON, parseLexicon } from '../../src/lib/analysis/lexicon';
import { EMPTY_META } from '../support/trees.ts';

const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
const enriched = withIndicators(seed);
const nodes = flatten(enriched.nodes);
const targets = nodes.filter((node) => node.kind === 'target');

type Expected = [Indicator['comparator'], number | [number, number], string | null, string];

/** Every quantified commitment of the seed's 21 targets: comparator, value, unit, verbatim text. */
const EXPECTED: Record<string, Expected[]> = {
  '1': [['gt', 12.5, '%', 'trên 12,5%']],
  '2': [['gt', 14, '%', 'trên 14%']],
  '3': [['gte', 11800, 'USD', 'từ 11.800 USD trở lên']],
  '4': [['gt', 12, '%', 'trên 12%']],
  '5': [['gt', 51, '%', 'trên 51%']],
  '6': [
    ['gt', 74000, 'tỷ đồng', 'trên 74.000 tỷ đồng'],
    ['gt', 56500, 'tỷ đồng', 'trên 56.500 tỷ đồng'],
    ['eq', 17500, 'tỷ đồng', '17.500 tỷ đồng'],
  ],
  '7': [['gt', 2500, 'doanh nghiệp/năm', 'trên 2.500 doanh nghiệp/năm']],
  '8': [['gte', 40, '%', 'từ 40% trở lên']],
  '9': [['range', [12.5, 13], '%', 'từ 12,5% - 13%']],
  '10': [['gt', 13, '%', 'trên 13%']],
  '11': [['gt', 75, '%', 'trên 75%']],
  '12': [
    ['eq', 88, '%', '88%'],
    ['eq', 44, '%', '44%'],
  ],
  '13': [['lt', 2.05, '%', 'thấp hơn 2,05%']],
  '14': [
    ['eq', 62, 'giường bệnh/1 vạn dân', '62 giường bệnh/1 vạn dân'],
    ['eq', 18, 'bác sĩ/1 vạn dân', '18 bác sĩ/1 vạn dân'],
    ['eq', 8, 'dược sĩ đại học/1 vạn dân', '8 dược sĩ đại học/1 vạn dân'],
    ['eq', 27, 'điều dưỡng/1 vạn dân', '27 điều dưỡng/1 vạn dân'],
    ['gt', 96.6, '%', 'trên 96,6%'],
  ],
  '15': [
    ['lte', 5, 'hạng', 'nhóm 5 tỉnh, thành phố đứng đầu cả nước'],
    ['eq', 75.2, 'tuổi', '75,2 tuổi'],
  ],
  '16': [['eq', 93, '%', '93%']],
  '17': [],
  '18': [
    ['gt', 95.5, '%', 'trên 95,5%'],
    ['gt', 85, '%', 'trên 85%'],
    ['gt', 70, '%', 'trên 70%'],
  ],
  '19': [
    ['eq', 100, '%', '100%'],
    ['eq', 90, '%', '90%'],
    ['eq', 100, '%', '100%'],
    ['eq', 35, '%', '35%'],
  ],
  '20': [['eq', 100, '%', '100%']],
  '21': [['gt', 46, '%', 'trên 46%']],
};

/** The comparable part of an indicator. */
function summary(indicator: Indicator): Expected {
  const value: number | [number, number] =
    indicator.comparator === 'range'
      ? [indicator.min ?? Number.NaN, indicator.max ?? Number.NaN]
      : (indicator.value ?? Number.NaN);
  return [indicator.comparator, value, indicator.unit, indicator.text];
}

describe('indicators of the seed targets', () => {
  it('finds 21 targets, each carrying an indicators list', () => {
    expect(targets.map((target) => target.num)).toEqual(Object.keys(EXPECTED));
    for (const target of targets) expect(Array.isArray(target.indicators)).toBe(true);
  });

  it.each(Object.entries(EXPECTED))('target (%s) reads as expected', (num, expected) => {
    const target = targets.find((node) => node.num === num);
    expect(target?.indicators?.map(summary)).toEqual(expected);
  });

  it('holds three, five, three and four indicators in targets 6, 14, 18 and 19', () => {
    const count = (num: string): number =>
      targets.find((target) => target.num === num)?.indicators?.length ?? -1;
    expect([count('6'), count('14'), count('18'), count('19')]).toEqual([3, 5, 3, 4]);
  });

  it('invents no number: every text is verbatim and holds the digits of its values', () => {
    for (const node of nodes) {
      for (const indicator of node.indicators ?? []) {
        expect(`${node.heading ?? ''}\n${node.text ?? ''}`).toContain(indicator.text);
        for (const value of [indicator.value, indicator.min, indicator.max]) {
          if (value === null) continue;
          const written = value.toString().replace('.', ',');
          expect(indicator.text.replace(/\./g, '')).toContain(written);
        }
      }
    }
  });

  it('keeps a range as min and max, and a single figure as value', () => {
    for (const node of nodes) {
      for (const indicator of node.indicators ?? []) {
        if (indicator.comparator === 'range') {
          expect(indicator.value).toBeNull();
          expect(indicator.min).toBeLessThan(indicator.max ?? Number.NaN);
        } else {
          expect(indicator.value).not.toBeNull();
          expect([indicator.min, indicator.max]).toEqual([null, null]);
        }
      }
    }
  });

  it('names the subject of each figure from the words before it', () => {
    const target6 = targets.find((target) => target.num === '6');
    expect(target6?.indicators?.map((indicator) => indicator.subject)).toEqual([
      'Tổng thu ngân sách nhà nước trên địa bàn',
      'Thu nội địa',
      'thu xuất nhập khẩu',
    ]);
    const target13 = targets.find((target) => target.num === '13');
    expect(target13?.indicators?.[0]?.subject).toBe(
      'Tỷ lệ thất nghiệp (bao gồm tỷ lệ thất nghiệp thành thị và tỷ lệ thất nghiệp nông thôn)',
    );
  });

  it('returns a tree that still validates against the document schema', () => {
    expect(DocumentSchema.safeParse(enriched).success).toBe(true);
    expect(seed.nodes.some((node) => node.indicators !== undefined)).toBe(false);
  });
});

describe('commitments outside the targets', () => {
  const outside = nodes
    .filter((node) => node.kind !== 'target')
    .flatMap((node) => (node.indicators ?? []).map((indicator) => ({ node, indicator })));
  const texts = outside.map(({ indicator }) => indicator.text);

  it('reads the quantified commitments of the tasks', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '2 - 2,5 tỷ USD',
        'trên 22 triệu lượt khách du lịch',
        'ít nhất 65.000 tỷ đồng',
        'ít nhất 30.000 việc làm tăng thêm',
        'ít nhất 3%',
        'ít nhất 5%',
        'trên 2.500 doanh nghiệp',
      ]),
    );
    const disbursed = outside.find(({ indicator }) => indicator.subject === 'kế hoạch vốn bố trí');
    expect(disbursed?.indicator).toMatchObject({ value: 100, unit: '%', comparator: 'eq' });
    const fdi = outside.find(({ indicator }) => indicator.text === '2 - 2,5 tỷ USD');
    expect(fdi?.indicator).toMatchObject({ comparator: 'range', min: 2, max: 2.5, unit: 'tỷ USD' });
    const budget = outside.find(({ indicator }) => indicator.text === 'ít nhất 3%');
    expect(budget?.indicator).toMatchObject({ comparator: 'gte', value: 3 });
    expect(budget?.indicator.subject).toBe('tổng chi ngân sách hằng năm');
  });

  it('skips years, dates, document numbers, ordinals, mottos and versions', () => {
    const values = outside.map(({ indicator }) => indicator.value ?? indicator.min);
    // 2026: a year; 31: "31/12/2026"; 57: "57-NQ/TW"; 34: "Kỳ họp thứ 34"; 4: "4.0", "4G", the motto.
    for (const notAQuantity of [2026, 2030, 31, 57, 538, 34, 4]) {
      expect(values).not.toContain(notAQuantity);
    }
    expect(texts.filter((text) => /tại chỗ|NQ|\/\d/.test(text))).toEqual([]);
  });

  it('reads only body nodes, never the recitals or the closing', () => {
    for (const { node } of outside) {
      expect(['recital', 'closing', 'place-date', 'session']).not.toContain(node.kind);
    }
  });
});

describe('findIndicators on its own', () => {
  it.each<[string, Partial<Indicator>]>([
    ['Tỷ lệ hộ nghèo giảm xuống dưới 1,5%.', { comparator: 'lt', value: 1.5, text: 'dưới 1,5%' }],
    ['Nợ công không quá 40% GRDP.', { comparator: 'lte', value: 40, text: 'không quá 40%' }],
    ['Chi thường xuyên tối đa 3.000 tỷ đồng.', { comparator: 'lte', value: 3000 }],
    ['Tuyển sinh từ 500 học sinh trở lên.', { comparator: 'gte', value: 500, unit: 'học sinh' }],
    ['Xây dựng 10 trường học trở xuống.', { comparator: 'lte', value: 10, unit: 'trường học' }],
    ['Thu hút từ 3 đến 5 tỷ USD.', { comparator: 'range', min: 3, max: 5, unit: 'tỷ USD' }],
    ['Thu nhập bình quân tối thiểu 4.500 USD/người/năm.', { comparator: 'gte', value: 4500 }],
    ['Tổng thu: 3.790.000 triệu đồng;', { comparator: 'eq', value: 3790000, unit: 'triệu đồng' }],
  ])('reads %j', (text, expected) => {
    expect(findIndicators(text, 'target')[0]).toMatchObject(expected);
  });

  it('gives offsets that point at the verbatim text', () => {
    const text = 'Doanh thu đạt ít nhất 65.000 tỷ đồng, tăng 12,5% so với năm 2025.';
    for (const match of findIndicators(text, 'target')) {
      expect(text.slice(match.start, match.end)).toBe(match.text);
    }
  });

  it('outside targets, needs a unit that measures something', () => {
    const text =
      'Chính quyền địa phương 02 cấp; thông tin 2 chiều; trẻ em từ 3 - 5 tuổi; "3 trước, 4 tại chỗ"; giải ngân 100% kế hoạch vốn; tạo 30.000 việc làm.';
    expect(findIndicators(text, 'commitment').map((match) => match.text)).toEqual([
      '100%',
      '30.000 việc làm',
    ]);
  });

  it('knows which units measure', () => {
    expect(isMeasuringUnit('%')).toBe(true);
    expect(isMeasuringUnit('tỷ đồng')).toBe(true);
    expect(isMeasuringUnit('lần/năm')).toBe(true);
    expect(isMeasuringUnit('triệu lượt khách quốc tế')).toBe(true);
    expect(isMeasuringUnit('cấp')).toBe(false);
    expect(isMeasuringUnit(null)).toBe(false);
  });
});

describe('population bases are units, not figures', () => {
  it.each<[string, Partial<Indicator>]>([
    [
      'Số bác sĩ trên 10.000 dân đạt 13 bác sĩ.',
      { comparator: 'eq', value: 13, unit: 'bác sĩ/10.000 dân', text: '13 bác sĩ' },
    ],
    [
      'Số giường bệnh trên 1 vạn dân đạt trên 30 giường.',
      { comparator: 'gt', value: 30, unit: 'giường/1 vạn dân', text: 'trên 30 giường' },
    ],
    [
      'Đạt 13 bác sĩ trên 10.000 dân.',
      { comparator: 'eq', value: 13, unit: 'bác sĩ/10.000 dân', text: '13 bác sĩ trên 10.000 dân' },
    ],
    [
      'Đạt 13 bác sĩ/10.000 dân.',
      { comparator: 'eq', value: 13, unit: 'bác sĩ/10.000 dân', text: '13 bác sĩ/10.000 dân' },
    ],
    [
      'Có 9 nhân viên y tế mỗi 1.000 dân.',
      { comparator: 'eq', value: 9, unit: 'nhân viên y tế/1.000 dân' },
    ],
    [
      'Tỷ suất tử vong trẻ em dưới 1 tuổi 10 trên 1.000 trẻ sinh sống.',
      { comparator: 'eq', value: 10, unit: '/1.000 trẻ sinh sống' },
    ],
  ])('reads %j as one figure per population', (text, expected) => {
    const found = findIndicators(text, 'target');
    expect(found.filter((match) => match.unit?.includes('/'))).toHaveLength(1);
    expect(found.find((match) => match.unit?.includes('/'))).toMatchObject(expected);
    expect(found.map((match) => match.value)).not.toContain(10000);
  });

  it('keeps "trên" a comparator when no figure of its own follows the population', () => {
    const found = findIndicators('Thu hút trên 10.000 người tham gia, đạt 95% kế hoạch.', 'target');
    expect(found.map((match) => [match.comparator, match.value, match.unit])).toEqual([
      ['gt', 10000, 'người tham gia'],
      ['eq', 95, '%'],
    ]);
  });

  it('counts a rate per population as a commitment outside the targets', () => {
    expect(isMeasuringUnit('bác sĩ/10.000 dân')).toBe(true);
    expect(
      findIndicators('Bảo đảm 13 bác sĩ trên 10.000 dân.', 'commitment').map((m) => m.text),
    ).toEqual(['13 bác sĩ trên 10.000 dân']);
  });
});

describe('ranks are positions, in the words of any resolution', () => {
  it.each<[string, Partial<Indicator>]>([
    [
      'Chỉ số HDI ở nhóm 5 tỉnh, thành phố đứng đầu cả nước.',
      { comparator: 'lte', value: 5, text: 'nhóm 5 tỉnh, thành phố đứng đầu cả nước' },
    ],
    ['Chỉ số PCI thuộc top 20 cả nước.', { comparator: 'lte', value: 20, text: 'top 20' }],
    [
      'Chỉ số PAR INDEX xếp thứ 15 trở lên.',
      { comparator: 'lte', value: 15, text: 'xếp thứ 15 trở lên' },
    ],
    ['Chỉ số SIPAS đứng thứ 3 toàn quốc.', { comparator: 'eq', value: 3, text: 'đứng thứ 3' }],
    [
      'Nằm trong nhóm 10 địa phương dẫn đầu.',
      { comparator: 'lte', value: 10, text: 'nhóm 10 địa phương dẫn đầu' },
    ],
  ])('reads %j', (text, expected) => {
    const [rank] = findIndicators(text, 'commitment');
    expect(rank).toMatchObject({ ...expected, unit: 'hạng' });
  });

  it('does not take a group without a leader word for a rank', () => {
    const found = findIndicators('Hỗ trợ nhóm 3 hộ nghèo.', 'target');
    expect(found.map((match) => match.unit)).toEqual(['hộ nghèo']);
  });
});

describe('a hand-made plan of another province', () => {
  const { document: plan } = loadDocumentFile('tests/fixtures/analysis/ke-hoach-tinh-mau.txt');
  const planTargets = flatten(withIndicators(plan).nodes).filter((n) => n.kind === 'target');
  /** Every figure of its 14 targets, as for the seed. */
  const PLAN: Record<string, Expected[]> = {
    '1': [['range', [9, 9.5], '%', '9% - 9,5%']],
    '2': [['gt', 15, '%', 'trên 15%']],
    '3': [['gt', 9200, 'tỷ đồng', 'trên 9.200 tỷ đồng']],
    '4': [['eq', 38000, 'tỷ đồng', '38.000 tỷ đồng']],
    '5': [['lte', 20, 'hạng', 'top 20']],
    '6': [['lte', 15, 'hạng', 'xếp thứ 15 trở lên']],
    '7': [['eq', 13, 'bác sĩ/10.000 dân', '13 bác sĩ']],
    '8': [['eq', 32, 'giường/10.000 dân', '32 giường']],
    '9': [['eq', 1.5, '%', '1,5%']],
    '10': [['eq', 21000, 'lao động', '21.000 lao động']],
    '11': [['eq', 85, '%', '85%']],
    '12': [],
    '13': [['eq', 51.5, '%', '51,5%']],
    '14': [['eq', 98, '%', '98%']],
  };

  it('reads every target as its table says', () => {
    expect(planTargets.map((node) => node.num)).toEqual(Object.keys(PLAN));
    for (const node of planTargets) {
      expect([node.num, (node.indicators ?? []).map(summary)]).toEqual([
        node.num,
        PLAN[node.num ?? ''],
      ]);
    }
  });

  it('names each figure by the words before it, without linking words', () => {
    const subjects = planTargets.map((node) => node.indicators?.[0]?.subject ?? null);
    expect(subjects[4]).toBe('Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)');
    expect(subjects[6]).toBe('Số bác sĩ trên 10.000 dân');
    expect(subjects[9]).toBe('Tạo việc làm mới');
  });
});

describe('the lexicon', () => {
  it('holds the words the rules read, in lower case, each once', () => {
    expect(LEXICON.comparators['trên']).toBe('gt');
    expect(LEXICON.populations).toContain('vạn dân');
    expect(Object.values(LEXICON.countedUnits).flat()).toContain('doanh nghiệp');
  });

  it.each<[string, (data: Record<string, unknown>) => void, RegExp]>([
    [
      'an upper-case word',
      (d) => ((d['scaleWords'] as string[])[0] = 'Tỷ'),
      /scaleWords\.0: must be lower case/,
    ],
    [
      'a word listed twice',
      (d) => (d['currencies'] = ['usd', 'usd']),
      /currencies: lists a word twice/,
    ],
    ['an unknown comparator', (d) => (d['comparators'] = { trên: 'above' }), /comparators\.trên/],
    ['a missing list', (d) => delete d['unitStops'], /unitStops: Required/],
  ])('stops with one line naming the file and the entry on %s', (_, spoil, message) => {
    const data = structuredClone(LEXICON) as unknown as Record<string, unknown>;
    spoil(data);
    expect(() => parseLexicon(data, 'provinces/lexicon.json')).toThrow(message);
    try {
      parseLexicon(data, 'provinces/lexicon.json');
    } catch (error) {
      expect(String((error as Error).message)).toMatch(/^provinces\/lexicon\.json: [^\n]+$/);
    }
  });

  it('makes a word added to the data count, with no change of code', () => {
    const text = 'Xây dựng 12 nhà văn hóa thôn.';
    expect(findIndicators(text, 'commitment')).toEqual([]);
    const extended = parseLexicon({
      ...LEXICON,
      countedUnits: { ...LEXICON.countedUnits, community: ['nhà văn hóa'] },
    });
    expect(isMeasuringUnit('nhà văn hóa thôn', extended)).toBe(true);
    expect(findIndicators(text, 'commitment', extended).map((match) => match.text)).toEqual([
      '12 nhà văn hóa thôn',
    ]);
  });
});

describe('withIndicators on a hand-made tree', () => {
  const leaf = (kind: DocNode['kind'], id: string, text: string, children: DocNode[] = []) =>
    ({ kind, id, num: null, label: null, heading: null, text, line: 1, children }) as DocNode;

  it('fills targets, leaves recitals alone and replaces stale indicators', () => {
    const stale: Indicator = {
      text: 'x',
      value: 1,
      min: null,
      max: null,
      comparator: 'eq',
      unit: null,
      subject: null,
    };
    const tree = {
      format: 1 as const,
      meta: EMPTY_META,
      nodes: [
        leaf('recital', 'can-cu-1', 'Căn cứ Luật số 12,5% ngày 1 tháng 1 năm 2020;'),
        leaf('article', 'dieu-1', 'Nội dung:', [
          {
            ...leaf('target', 'chi-tieu-1', 'Tỷ lệ che phủ rừng đạt trên 46%.'),
            indicators: [stale],
          },
          leaf('paragraph', 'dieu-1.doan-1', 'Tổ chức 2 lớp học; thu hút 5 triệu lượt khách.'),
        ]),
      ],
    };
    const result = flatten(withIndicators(tree).nodes);
    expect(result.find((node) => node.id === 'can-cu-1')?.indicators).toBeUndefined();
    expect(result.find((node) => node.id === 'chi-tieu-1')?.indicators).toEqual([
      {
        text: 'trên 46%',
        value: 46,
        min: null,
        max: null,
        comparator: 'gt',
        unit: '%',
        subject: 'Tỷ lệ che phủ rừng',
      },
    ]);
    expect(
      result.find((node) => node.id === 'dieu-1.doan-1')?.indicators?.map((i) => i.text),
    ).toEqual(['5 triệu lượt khách']);
    expect(nodeIndicators(leaf('paragraph', 'p', 'Không có số nào.'))).toEqual([]);
  });
});
