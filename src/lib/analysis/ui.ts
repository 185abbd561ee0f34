/**
 * The interface strings of the targets overview and the open-data page, in one place beside
 * the analysis they present (the site's own strings are in `src/lib/site/strings.ts`).
 */
export const dataUi = {
  overview: 'Tổng quan các chỉ tiêu',
  overviewLead:
    'Các chỉ tiêu chủ yếu của nghị quyết theo từng lĩnh vực, mỗi chỉ tiêu với mức phấn đấu và liên kết tới nguyên văn.',
  readClause: 'Đọc nguyên văn',
  relatedTasks: 'Nhiệm vụ liên quan',
  noFigure: 'Chỉ tiêu không nêu bằng số',
  percentChart: 'Các chỉ tiêu tính theo phần trăm, so với 100%',
  percentChartAlt: (items: string) => `Biểu đồ thanh, thang 0–100%: ${items}.`,
  splitChart: (label: string) => `Cơ cấu ${label}`,
  splitChartAlt: (total: string, parts: string) =>
    `Biểu đồ thanh chia phần: tổng ${total}, gồm ${parts}.`,
  rateChart: (base: string) => `Chỉ tiêu y tế tính trên ${base}`,
  rateChartAlt: (base: string, items: string) => `Biểu đồ thanh, số trên ${base}: ${items}.`,
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
    'Nghị quyết dưới dạng dữ liệu để tải về và dùng lại: toàn văn có cấu trúc, bảng các chỉ tiêu và bản Akoma Ntoso.',
  download: 'Tải về',
  fileJson: 'Toàn văn có cấu trúc (JSON)',
  fileCsv: 'Các chỉ tiêu và cam kết định lượng (CSV)',
  fileAkn: 'Toàn văn theo chuẩn Akoma Ntoso 3.0 (XML)',
  fields: 'Các trường dữ liệu',
  field: 'Trường',
  meaning: 'Ý nghĩa',
  example: 'Ví dụ',
  toOverview: 'Xem tổng quan các chỉ tiêu',
  toOpenData: 'Tải dữ liệu các chỉ tiêu',
} as const;
