import { numberToRoman } from '../../src/lib/document/numbering.ts';

/**
 * Generated laws of any length, for the long-document benchmark (`npm run bench -- --laws`)
 * and the tests of long documents: a library of codes holds texts of hundreds of articles.
 */

/** Articles in each chapter of a benchmark law. */
export const ARTICLES_PER_CHAPTER = 20;

/**
 * The text of a law of `chapters` chapters of `articles` articles, each article two clauses,
 * numbered on from one chapter to the next as a code's articles are.
 */
export function longCode(chapters: number, articles: number): string {
  const lines = [
    'QUỐC HỘI',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Luật số: 88/2025/QH15',
    'LUẬT',
    'ĐƯỜNG THỦY THỬ NGHIỆM',
    'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;',
    'Quốc hội ban hành Luật Đường thủy thử nghiệm.',
  ];
  for (let chapter = 1; chapter <= chapters; chapter += 1) {
    lines.push(`Chương ${numberToRoman(chapter)}`, `NHÓM QUY ĐỊNH THỨ ${chapter}`);
    for (let index = 1; index <= articles; index += 1) {
      const article = (chapter - 1) * articles + index;
      lines.push(
        `Điều ${article}. Quy định về bến thủy nội địa số ${article}`,
        `1. Bến số ${article} do Ủy ban nhân dân cấp tỉnh công bố.`,
        `2. Chủ bến số ${article} bảo đảm an toàn cho người và phương tiện.`,
      );
    }
  }
  lines.push(
    'Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 10 thông qua ngày 20 tháng 11 năm 2025.',
    'CHỦ TỊCH QUỐC HỘI',
    'Trần Thanh Mẫn',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The benchmark's law of at least `articles` articles, in whole chapters, with the number of
 * articles it has.
 */
export function benchLaw(articles: number): { slug: string; text: string; articles: number } {
  const chapters = Math.max(1, Math.ceil(articles / ARTICLES_PER_CHAPTER));
  const made = chapters * ARTICLES_PER_CHAPTER;
  return {
    slug: `luat-${made}-dieu`,
    text: longCode(chapters, ARTICLES_PER_CHAPTER),
    articles: made,
  };
}
