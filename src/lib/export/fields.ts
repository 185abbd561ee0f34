/**
 * The fields of the downloads, described in Vietnamese for the "Dữ liệu mở" page; the English
 * reference for developers is `docs/open-data.md`. Keep both in step with `csv.ts`, `akn.ts` and
 * `src/lib/document/schema.ts`.
 */
import { CSV_COLUMNS } from './csv.ts';

/** One documented field: name, meaning, example. */
export interface FieldDoc {
  name: string;
  meaning: string;
  example: string;
}

/** Fields of each node of the JSON tree. */
export const JSON_FIELDS: FieldDoc[] = [
  {
    name: 'format',
    meaning: 'Phiên bản định dạng (ở gốc tệp); tăng khi có thay đổi không tương thích.',
    example: '1',
  },
  {
    name: 'meta',
    meaning:
      'Thông tin văn bản: loại, tiêu đề, cơ quan ban hành, nơi và ngày ban hành (yyyy-mm-dd), kỳ họp, số hiệu, người ký.',
    example: '"date": "2025-12-16"',
  },
  {
    name: 'nodes',
    meaning: 'Các phần của văn bản theo đúng thứ tự, mỗi phần có thể chứa các phần con (children).',
    example: '[…]',
  },
  {
    name: 'kind',
    meaning:
      'Loại phần: article (điều), clause (khoản), subclause (tiểu mục 3.1), point (điểm), target (chỉ tiêu), paragraph (đoạn), item (gạch đầu dòng), recital (căn cứ), title, signature…',
    example: '"target"',
  },
  {
    name: 'id',
    meaning: 'Mã ổn định, duy nhất trong văn bản; cũng là neo (#) của phần đó trên trang.',
    example: '"chi-tieu-7"',
  },
  { name: 'num', meaning: 'Số hiệu không kèm dấu câu; null nếu không đánh số.', example: '"7"' },
  { name: 'label', meaning: 'Nhãn đúng như văn bản viết.', example: '"(7)"' },
  {
    name: 'heading',
    meaning: 'Tên của phần (nếu có), nguyên văn.',
    example: '"Các chỉ tiêu chủ yếu"',
  },
  {
    name: 'text',
    meaning: 'Lời văn của phần, nguyên văn (chỉ chuẩn hóa khoảng trắng).',
    example: '"Phấn đấu thành lập mới đạt trên 2.500 doanh nghiệp/năm."',
  },
  { name: 'line', meaning: 'Dòng bắt đầu phần đó trong tệp nguồn.', example: '15' },
  {
    name: 'indicators',
    meaning: 'Các con số cam kết đọc được từ phần đó (có ở mọi chỉ tiêu), cùng trường như tệp CSV.',
    example: '[{ "text": "trên 2.500 doanh nghiệp/năm", … }]',
  },
  { name: 'children', meaning: 'Các phần con, theo thứ tự.', example: '[]' },
];

/** Meaning and example of each CSV column, in column order. */
const CSV_DOCS: Record<(typeof CSV_COLUMNS)[number], [string, string]> = {
  target: ['Số thứ tự của chỉ tiêu; để trống với cam kết nằm ngoài các chỉ tiêu đánh số.', '7'],
  id: ['Mã của phần văn bản chứa con số (như trong tệp JSON).', 'chi-tieu-7'],
  url: ['Địa chỉ của phần đó trên trang này.', '…/dieu-1-khoan-2/#chi-tieu-7'],
  citation: ['Vị trí trong văn bản.', 'Điều 1 › khoản 2 › điểm a › chỉ tiêu 7'],
  text: ['Cụm từ nguyên văn chứa con số.', 'trên 2.500 doanh nghiệp/năm'],
  value: ['Giá trị số (dấu chấm thập phân); trống với một khoảng.', '2500'],
  min: ['Cận dưới của một khoảng (so sánh range).', '12.5'],
  max: ['Cận trên của một khoảng (so sánh range).', '13'],
  comparator: [
    'Phép so sánh: gt (trên), gte (từ … trở lên, ít nhất), lt (dưới, thấp hơn), lte (không quá, tối đa), eq (đạt đúng), range (từ A đến B).',
    'gt',
  ],
  unit: ['Đơn vị như văn bản viết; "hạng" với thứ hạng.', 'doanh nghiệp/năm'],
  subject: ['Đối tượng được đo, lấy từ lời văn ngay trước (hoặc sau) con số.', 'Thu nội địa'],
};

/** Columns of the CSV, documented. */
export const CSV_FIELDS: FieldDoc[] = CSV_COLUMNS.map((name) => ({
  name,
  meaning: CSV_DOCS[name][0],
  example: CSV_DOCS[name][1],
}));

/** How the Akoma Ntoso file maps the document. */
export const AKN_FIELDS: FieldDoc[] = [
  {
    name: 'meta/identification',
    meaning: 'Định danh FRBR của tác phẩm, biểu hiện (tiếng Việt, vie) và bản thể hiện XML.',
    example: '/akn/vn/act/nghi-quyet/…/2025-12-16/…',
  },
  {
    name: 'preface',
    meaning: 'Địa danh và ngày, loại văn bản, tiêu đề, cơ quan ban hành, kỳ họp.',
    example: '<docType>NGHỊ QUYẾT</docType>',
  },
  {
    name: 'preamble',
    meaning: 'Các căn cứ (citation), các điểm "Xét" (recital) và công thức "QUYẾT NGHỊ:".',
    example: 'cits_1__cit_1',
  },
  {
    name: 'body',
    meaning:
      'Điều (article), khoản (paragraph), tiểu mục 3.1 (subparagraph), điểm và chỉ tiêu (point), đoạn (hcontainer).',
    example: 'art_1__para_3__subpara_2__point_b',
  },
  {
    name: 'conclusions',
    meaning: 'Câu thông qua, nơi nhận, chữ ký, nguồn.',
    example: '<signature>…</signature>',
  },
  {
    name: 'eId',
    meaning:
      'Mã từng phần theo quy ước đặt tên Akoma Ntoso; mỗi khoản trên trang đọc hiển thị mã này.',
    example: 'art_1__para_2__point_a__point_7',
  },
];
