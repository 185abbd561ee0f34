/**
 * The interface strings of the targets overview and the open-data page, in one place beside
 * the analysis they present (the site's own strings are in `src/lib/vocabulary/strings.ts`).
 */
export const dataUi = {
  overview: 'Tổng quan các chỉ tiêu',
  overviewLead:
    'Các chỉ tiêu chủ yếu của nghị quyết theo từng lĩnh vực, mỗi chỉ tiêu với mức phấn đấu và liên kết tới nguyên văn.',
  readClause: 'Đọc nguyên văn',
  relatedTasks: 'Nhiệm vụ liên quan',
  noFigure: 'Chỉ tiêu không nêu bằng số',
  shareChart: 'Các chỉ tiêu tỷ lệ, trên thang 0–100%',
  changeChart: (end: string) => `Các chỉ tiêu tốc độ tăng, giảm, trên thang 0–${end}`,
  splitChart: (label: string) => `Cơ cấu ${label}`,
  rateChart: (base: string) => `Các chỉ tiêu tính trên ${base}`,
  dataTable: 'Bảng số liệu',
  columnTarget: 'Chỉ tiêu',
  columnWhat: 'Nội dung',
  columnFigure: 'Mức phấn đấu',
  columnPart: 'Thành phần',
  otherCommitments: 'Các cam kết định lượng khác',
  otherCommitmentsLead:
    'Những con số mà nghị quyết đặt ra trong phần nhiệm vụ và giải pháp, ngoài các chỉ tiêu đánh số.',
  openData: 'Dữ liệu mở',
  openDataLead:
    'Văn bản dưới dạng dữ liệu để tải về và dùng lại: toàn văn có cấu trúc, thông tin văn bản, bảng các chỉ tiêu, bảng các cam kết định lượng, bản Akoma Ntoso và tệp gốc khi văn bản được nhập từ tệp Word, PDF hay trang web.',
  download: 'Tải về',
  fileJson: 'Toàn văn có cấu trúc (JSON)',
  fileFacts: 'Thông tin văn bản: số hiệu, ngày thông qua, ngày có hiệu lực, người ký (JSON)',
  fileTargets: 'Các chỉ tiêu, mỗi chỉ tiêu một dòng (CSV)',
  fileCommitments: 'Các cam kết định lượng, mỗi con số một dòng (CSV)',
  fileAkn: 'Toàn văn theo chuẩn Akoma Ntoso 3.0 (XML)',
  fileOriginal: (format: string) => `Tệp gốc của văn bản, đúng như đã công bố (${format})`,
  noExample: 'không có trong văn bản này',
  fields: 'Các trường dữ liệu',
  field: 'Trường',
  meaning: 'Ý nghĩa',
  example: 'Ví dụ',
  toOverview: 'Xem tổng quan các chỉ tiêu',
  toOpenData: 'Tải dữ liệu các chỉ tiêu',
} as const;
