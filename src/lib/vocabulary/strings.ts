/**
 * Every string the reader sees that is not the document's own text, in one place, so the
 * interface reads consistently and can be reviewed (or translated) at a glance.
 */
export const ui = {
  siteName: 'Đọc nghị quyết',
  siteTagline: 'Văn bản nghị quyết, đọc và trích dẫn từng khoản',
  lang: 'vi',
  locale: 'vi_VN',

  skipToContent: 'Chuyển đến nội dung chính',
  skipToToc: 'Chuyển đến mục lục',
  backToTop: 'Lên đầu trang',
  readingBar: 'Mục lục và đầu trang',
  mainNav: 'Điều hướng chính',
  breadcrumbs: 'Đường dẫn',
  toc: 'Mục lục',
  tocShort: 'Mục lục',
  wholeToc: 'Mục lục đầy đủ',
  tocOmitted: (lines: number) => `… ${lines} dòng nữa, trong mục lục đầy đủ`,
  onThisPage: 'Trên trang này',
  pagination: 'Trang trước và trang sau',
  previous: 'Trang trước',
  next: 'Trang sau',
  home: 'Trang chủ',
  frontPage: 'Trang đầu văn bản',
  footerNote:
    'Văn bản được trình bày nguyên văn, đúng thứ tự; mỗi điều, khoản, điểm và chỉ tiêu có địa chỉ riêng để trích dẫn.',

  themeToggle: 'Giao diện tối',

  opening: 'Phần mở đầu',
  fullText: 'Toàn văn',
  fullTextLead:
    'Toàn bộ nghị quyết trên một trang, theo đúng thứ tự, để đọc liền mạch, tìm bằng Ctrl+F và in.',
  printFullText: 'In toàn văn',
  citedDocuments: 'Văn bản được dẫn chiếu',
  citedDocumentsLead:
    'Các văn bản mà nghị quyết nhắc đến, mỗi văn bản kèm liên kết tới từng chỗ nhắc đến nó.',
  citedAt: 'Được nhắc đến tại',
  glossary: 'Thuật ngữ và chữ viết tắt',
  glossaryLead: 'Các chữ viết tắt xuất hiện trong nghị quyết và nghĩa đầy đủ của chúng.',
  glossaryTerm: 'Viết tắt',
  glossaryMeaning: 'Nghĩa đầy đủ',
  glossaryUsedAt: 'Xuất hiện tại',
  documents: 'Văn bản',
  documentsLead: 'Các nghị quyết trên trang này.',
  documentPages: 'Các trang danh sách văn bản',
  listPage: (n: number, total: number) => `Trang ${n}/${total}`,
  documentsCount: (from: number, to: number, total: number) =>
    `Văn bản ${from}–${to} trong tổng số ${total}`,
  readDocument: 'Đọc nghị quyết',
  startReading: 'Bắt đầu đọc',

  metadata: 'Thông tin văn bản',
  metaIssuer: 'Cơ quan ban hành',
  metaSession: 'Kỳ họp',
  metaDate: 'Ngày thông qua',
  metaNumber: 'Số hiệu',
  metaPlace: 'Nơi ban hành',
  metaSigner: 'Người ký',
  metaSource: 'Nguồn',
  metaKind: 'Loại văn bản',
  metaDated: 'Ngày ban hành',
  metaInForce: 'Ngày có hiệu lực',
  /** What a fact the text does not give reads as: never a guess. */
  metaNone: 'không ghi',
  /** The link from a fact to the sentence it was read from. */
  metaWording: 'nguyên văn',
  metaWordingLabel: (term: string) => `${term}: nguyên văn`,
  generalObjective: 'Mục tiêu tổng quát',
  targetsAtAGlance: 'Các chỉ tiêu chủ yếu',
  targetsLead: 'Bấm vào một chỉ tiêu để đọc nguyên văn và các nhiệm vụ thực hiện nó.',
  otherPages: 'Trang khác',
  targetsOverview: 'Tổng quan các chỉ tiêu',
  openData: 'Dữ liệu mở',

  /** The one control of each unit: it shows the unit's full citation and the copy actions. */
  cite: 'Trích dẫn',
  /** Prefix of that control's name; the unit's citation follows it. */
  citeOf: 'Trích dẫn và liên kết của',
  copyCitation: 'Sao chép trích dẫn',
  copyLink: 'Sao chép liên kết',
  citationCopied: 'Đã sao chép trích dẫn',
  linkCopied: 'Đã sao chép liên kết',
  copyFailed: 'Không sao chép được: hãy chọn dòng trên và sao chép',

  relatedTasks: 'Nhiệm vụ thực hiện chỉ tiêu này',
  relatedTargets: 'Góp phần thực hiện chỉ tiêu',
  matchedWords: 'chung',
  citedDocumentLink: (title: string) => `Xem văn bản được dẫn chiếu: ${title}`,

  /** How the parts around the body are named where a citation is shown for them. */
  frameNames: {
    issuer: 'Cơ quan ban hành',
    motto: 'Quốc hiệu',
    number: 'Số hiệu',
    'place-date': 'Địa danh, ngày ban hành',
    'doc-type': 'Loại văn bản',
    title: 'Tên văn bản',
    session: 'Kỳ họp',
    recital: 'Căn cứ',
    'enacting-formula': 'Quyết nghị',
    closing: 'Phần thông qua',
    recipients: 'Nơi nhận',
    signature: 'Chữ ký',
    'source-note': 'Nguồn',
    appendix: 'Phụ lục',
    attachment: 'Ban hành kèm theo',
    instrument: 'Văn bản kèm theo',
  } as Record<string, string>,

  /** An attached instrument whose kind the text does not name. */
  attachedInstrument: 'Văn bản',
  /** Between an attached instrument and the document it is issued with: "Quy chế ban hành kèm theo …". */
  issuedWith: 'ban hành kèm theo',
  /** A quotation in an amending text, named for screen readers. */
  quotation: 'Nội dung trích dẫn',
  /** A table of the document, named for screen readers. */
  table: 'Bảng trong văn bản',

  notFoundTitle: 'Không tìm thấy trang',
  notFoundLead: 'Trang bạn tìm không có ở đây. Có thể liên kết đã cũ hoặc gõ nhầm địa chỉ.',
  notFoundBack: 'Về trang chủ',
} as const;

/**
 * Vietnamese date from ISO `yyyy-mm-dd`, written as administrative documents write it: days
 * below 10 and the months 1 and 2 take a leading zero ("ngày 06 tháng 01 năm 2026").
 */
export function vietnameseDate(iso: string): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  const m = Number(month);
  return `ngày ${day} tháng ${m <= 2 ? month : String(m)} năm ${year}`;
}
