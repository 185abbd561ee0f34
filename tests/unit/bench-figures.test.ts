import { describe, expect, it } from 'vitest';
import {
  numberPlan,
  rewriteLine,
  rewriteNumbers,
  scaleFigure,
  shiftDay,
  shiftMonth,
  type NumberPlan,
} from '../../scripts/bench/figures.ts';

const PLAN: NumberPlan = { yearShift: 2, dayShift: 3, monthShift: 1, factor: 1.1 };

describe('benchmark variants: numbers', () => {
  it('keeps the labels that give a resolution its structure', () => {
    for (const line of [
      'Điều 1.    Hội đồng nhân dân tỉnh thống nhất thông qua',
      '**Điều 12.** Sửa đổi, bổ sung',
      '3.1. Đẩy mạnh cơ cấu',
      '2. Các chỉ tiêu chủ yếu',
      '#### 1. Mục tiêu',
      '| 2 | Di tích',
      '2050. Tầm nhìn',
    ]) {
      expect(rewriteLine(line, PLAN)).toBe(line);
    }
  });

  it('keeps references to units and inline target labels', () => {
    expect(rewriteLine('theo quy định tại khoản 3 Điều 1 và điểm a khoản 3.2', PLAN)).toBe(
      'theo quy định tại khoản 3 Điều 1 và điểm a khoản 3.2',
    );
    expect(rewriteLine('tại Phụ lục 01, 03 và 05 kèm theo', PLAN)).toBe(
      'tại Phụ lục 01, 03 và 05 kèm theo',
    );
    expect(rewriteLine('a) Về kinh tế:  (1)  Tốc độ  (12)  Tỷ lệ', PLAN)).toBe(
      'a) Về kinh tế:  (1)  Tốc độ  (12)  Tỷ lệ',
    );
  });

  it('moves dates and keeps them valid', () => {
    expect(rewriteLine('Quảng Ninh, ngày 16 tháng 12 năm 2025', PLAN)).toBe(
      'Quảng Ninh, ngày 19 tháng 1 năm 2027',
    );
    expect(rewriteLine('ngày 06 tháng 02 năm 2024', PLAN)).toBe('ngày 09 tháng 03 năm 2026');
    expect(rewriteLine('Quyết định số 2309/QĐ-TTg ngày 29/11/2016 của', PLAN)).toBe(
      'Quyết định số 2540/QĐ-TTg ngày 4/12/2018 của',
    );
    expect(shiftDay('28', { ...PLAN, dayShift: 27 })).toBe('27');
    expect(shiftMonth('12', { ...PLAN, monthShift: 11 })).toBe('11');
  });

  it('shifts year ranges together', () => {
    expect(rewriteLine('giai đoạn 2026 - 2030, tầm nhìn đến năm 2050', PLAN)).toBe(
      'giai đoạn 2028 - 2032, tầm nhìn đến năm 2052',
    );
  });

  it('scales figures in the source style', () => {
    expect(scaleFigure('12,5', PLAN)).toBe('13,8');
    expect(scaleFigure('11.800', PLAN)).toBe('12.980');
    expect(scaleFigure('3.790.000', PLAN)).toBe('4.169.000');
    expect(scaleFigure('900.000', { ...PLAN, factor: 1.2 })).toBe('1.080.000');
    expect(scaleFigure('02', PLAN)).toBe('02');
    expect(scaleFigure('0,5', { ...PLAN, factor: 0.8 })).toBe('0,4');
    expect(scaleFigure('1', { ...PLAN, factor: 0.8 })).toBe('1');
    expect(scaleFigure('100', { ...PLAN, factor: 1.2 }, true)).toBe('100');
  });

  it('leaves tokens that are not plain figures alone', () => {
    expect(rewriteLine('ứng dụng công nghệ 4.0 trong xúc tiến', PLAN)).toBe(
      'ứng dụng công nghệ 4.0 trong xúc tiến',
    );
    expect(rewriteLine('Luật số 65/2020/QH14, mạng 5G, Quốc lộ 4B', PLAN)).toBe(
      'Luật số 72/2022/QH14, mạng 5G, Quốc lộ 4B',
    );
  });

  it('caps a percentage that was at most 100', () => {
    expect(rewriteLine('đạt 100% và 96,6%', { ...PLAN, factor: 1.2 })).toBe('đạt 100% và 100,0%');
  });

  it('rewrites every line of a text and keeps its line breaks', () => {
    const text = 'Điều 1. Thu\r\nđạt 74.000 tỷ đồng\n\n3. Khác';
    expect(rewriteNumbers(text, PLAN)).toBe('Điều 1. Thu\r\nđạt 81.400 tỷ đồng\n\n3. Khác');
  });

  it('never plans a factor of 1, so figures always change', () => {
    for (let index = 1; index <= 500; index++) {
      const plan = numberPlan(index, 1);
      expect(plan.factor).not.toBe(1);
      expect(plan.factor).toBeGreaterThanOrEqual(0.8);
      expect(plan.factor).toBeLessThanOrEqual(1.2);
    }
  });
});
