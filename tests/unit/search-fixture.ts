import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexSite } from '../../src/integrations/search-index/service';
import { compressedSize } from '../support/search.ts';
import type { PagefindApi } from '../../src/search/engine';

/**
 * A small site in the site's markup contract (clause elements with `id` and
 * `data-pagefind-title`, paragraphs with ids only, reading text in `data-pagefind-body`),
 * indexed by our integration's `indexSite` and searched with the real `pagefind.js` in Node.
 * The sentences are the seed's own, cut down to what the search tests need.
 */

interface Clause {
  id: string;
  title: string;
  paragraphs: string[];
  children?: Clause[];
}

interface FixturePage {
  path: string;
  heading: string;
  filters: string[];
  clauses: Clause[];
}

const PAGES: FixturePage[] = [
  {
    path: 'qn/chi-tieu',
    heading: 'Các chỉ tiêu chủ yếu',
    filters: ['phan:Chỉ tiêu', 'nhom:Kinh tế', 'nhom:Xã hội'],
    clauses: [
      {
        id: 'dieu-1.khoan-2',
        title: 'Điều 1 › khoản 2 — Các chỉ tiêu chủ yếu',
        paragraphs: ['2. Các chỉ tiêu chủ yếu'],
        children: [
          {
            id: 'dieu-1.khoan-2.diem-a',
            title: 'Điều 1 › khoản 2 › điểm a — Về kinh tế',
            paragraphs: ['a) Về kinh tế:'],
            children: [
              {
                id: 'chi-tieu-1',
                title: 'Điều 1 › khoản 2 › điểm a › chỉ tiêu 1 — Tốc độ tăng trưởng GRDP',
                paragraphs: [
                  '(1) Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt trên 12,5%.',
                ],
              },
              {
                id: 'chi-tieu-6',
                title: 'Điều 1 › khoản 2 › điểm a › chỉ tiêu 6 — Tổng thu ngân sách nhà nước',
                paragraphs: [
                  '(6) Tổng thu ngân sách nhà nước trên địa bàn đạt trên 74.000 tỷ đồng, trong đó: Thu nội địa đạt trên 56.500 tỷ đồng, thu xuất nhập khẩu đạt 17.500 tỷ đồng.',
                ],
              },
              {
                id: 'chi-tieu-10',
                title:
                  'Điều 1 › khoản 2 › điểm a › chỉ tiêu 10 — Tốc độ tăng năng suất lao động xã hội',
                paragraphs: ['(10) Tốc độ tăng năng suất lao động xã hội đạt trên 13%.'],
              },
              {
                id: 'chi-tieu-11',
                title: 'Điều 1 › khoản 2 › điểm a › chỉ tiêu 11 — Tỷ lệ đô thị hóa',
                paragraphs: ['(11) Tỷ lệ đô thị hóa đạt trên 75% và nâng cao chất lượng đô thị.'],
              },
            ],
          },
          {
            id: 'dieu-1.khoan-2.diem-b',
            title: 'Điều 1 › khoản 2 › điểm b — Về xã hội',
            paragraphs: ['b) Về xã hội:'],
            children: [
              {
                id: 'chi-tieu-14',
                title:
                  'Điều 1 › khoản 2 › điểm b › chỉ tiêu 14 — Giường bệnh, bác sĩ, dược sĩ, điều dưỡng',
                paragraphs: [
                  '(14) Đạt 62 giường bệnh/1 vạn dân; 18 bác sĩ/1 vạn dân; 8 dược sĩ đại học/1 vạn dân; 27 điều dưỡng/1 vạn dân; tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 96,6%.',
                ],
              },
              {
                id: 'chi-tieu-15',
                title: 'Điều 1 › khoản 2 › điểm b › chỉ tiêu 15 — Chỉ số phát triển con người',
                paragraphs: [
                  '(15) Phấn đấu chỉ số phát triển con người (HDI) của tỉnh ở nhóm 5 tỉnh, thành phố đứng đầu cả nước; tuổi thọ trung bình người dân 75,2 tuổi.',
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    path: 'qn/nhiem-vu-3-1',
    heading: '3.1. Đẩy mạnh cơ cấu, xác lập mô hình tăng trưởng kinh tế',
    filters: ['phan:Nhiệm vụ', 'nhom:3.1'],
    clauses: [
      {
        id: 'dieu-1.khoan-3-1',
        title: 'Điều 1 › 3.1 — Đẩy mạnh cơ cấu, xác lập mô hình tăng trưởng kinh tế',
        paragraphs: ['3.1. Đẩy mạnh cơ cấu, xác lập mô hình tăng trưởng kinh tế'],
        children: [
          {
            id: 'dieu-1.khoan-3-1.diem-a',
            title: 'Điều 1 › 3.1 › điểm a — Đẩy mạnh cơ cấu lại khu vực công nghiệp',
            paragraphs: [
              'a) Đẩy mạnh cơ cấu lại khu vực công nghiệp, tăng nhanh quy mô và tỷ trọng công nghiệp chế biến, chế tạo.',
              'Tiếp tục phát triển mạnh mẽ ngành công nghiệp chế biến, chế tạo, công nghệ cao  (công nghiệp bán dẫn, ô tô, thiết bị, năng lượng tái tạo, công nghiệp đường sắt...)  để trở thành một trụ cột chính trong phát triển kinh tế. Phấn đấu thu hút vốn đầu tư trực tiếp nước ngoài (FDI) thế hệ mới vào các khu công nghiệp, khu kinh tế, phấn đấu cả năm đạt 2 - 2,5 tỷ USD.',
              'Nâng cao chất lượng dịch vụ kho bãi cho hàng chuyên dùng  (xi măng, clinker, than, xăng dầu, khí hóa lỏng...)  tại khu vực Cẩm Phả.',
            ],
          },
          {
            id: 'dieu-1.khoan-3-1.diem-b',
            title: 'Điều 1 › 3.1 › điểm b — Phát triển dịch vụ tổng hợp, hiện đại',
            paragraphs: [
              'b) Phát triển dịch vụ tổng hợp, hiện đại ngày càng giữ vai trò chủ đạo; du lịch trở thành ngành kinh tế mũi nhọn',
              'Đề án phát triển kinh tế di sản, kinh tế đêm, kinh tế đô thị. Đa dạng hóa, nâng cao chất lượng các sản phẩm dịch vụ du lịch, xây dựng sản phẩm du lịch cộng đồng vùng đồng bào dân tộc, du lịch sinh thái dưới tán rừng. Ứng dụng công nghệ số (AI, IoT), dữ liệu số trong phát triển du lịch, dịch vụ.',
            ],
          },
          {
            id: 'dieu-1.khoan-3-1.diem-d',
            title: 'Điều 1 › 3.1 › điểm d — Điều hành thu, chi ngân sách và đầu tư công',
            paragraphs: [
              'd) Nâng cao hiệu lực, hiệu quả điều hành thu, chi ngân sách và đầu tư công',
              'Xây dựng kế hoạch đầu tư công giai đoạn 2026 - 2030 bảo đảm có trọng tâm, trọng điểm, hiệu quả, không dàn trải. Điều hành chi ngân sách nhà nước theo dự toán, bảo đảm chặt chẽ, tiết kiệm, hiệu quả.',
            ],
          },
        ],
      },
    ],
  },
  {
    path: 'qn/nhiem-vu-3-2',
    heading: '3.2. Đẩy mạnh thực hiện đồng bộ, quyết liệt ba đột phá chiến lược',
    filters: ['phan:Nhiệm vụ', 'nhom:3.2'],
    clauses: [
      {
        id: 'dieu-1.khoan-3-2.diem-b',
        title: 'Điều 1 › 3.2 › điểm b — Cải cách hành chính, chuyển đổi số',
        paragraphs: [
          'b) Đẩy mạnh cải cách hành chính; đẩy mạnh ứng dụng khoa học - công nghệ, thúc đẩy đổi mới sáng tạo và chuyển đổi số',
          'Tiếp tục triển khai hiệu quả Kế hoạch số 538-KH/TU, ngày 19 tháng 5 năm 2025 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW, ngày 22 tháng 12 năm 2024 của Bộ Chính trị. Phát triển hạ tầng số, ứng dụng số, dịch vụ số; mở rộng phủ sóng băng thông rộng (4G, 5G).',
          'Tập trung phát triển kinh tế tư nhân theo Nghị quyết số 68-NQ/TW ngày 04 tháng 5 năm 2025 của Bộ Chính trị.',
          'Chủ động phối hợp với cơ quan chức năng để sớm triển khai một số dự án trọng điểm về đường sắt như: Đường sắt tốc độ cao Hà Nội - Hạ Long, Đường sắt Hải Phòng - Hạ Long. Dưới đây là đoạn có chữ dương và diều để thử.',
        ],
      },
    ],
  },
];

/** Escapes text for an HTML text node or attribute. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One clause element as the site renders it: titled, with paragraphs that carry ids only. */
function clauseHtml(clause: Clause): string {
  const paragraphs = clause.paragraphs
    .map((text, index) => `<p id="${clause.id}.doan-${index + 1}">${escapeHtml(text)}</p>`)
    .join('');
  const children = (clause.children ?? []).map(clauseHtml).join('');
  return `<section id="${clause.id}" data-pagefind-title="${escapeHtml(clause.title)}">${paragraphs}${children}</section>`;
}

/** A whole page: header and navigation outside the indexed body, like the real layout. */
function pageHtml(page: FixturePage): string {
  const filters = page.filters
    .map((filter) => `<span hidden data-pagefind-filter="${escapeHtml(filter)}"></span>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(page.heading)}</title></head><body><header><a href="/">Trang chủ</a> điều dưỡng đầu tư công</header><main><article data-pagefind-body><h1>${escapeHtml(page.heading)}</h1>${filters}${page.clauses.map(clauseHtml).join('')}</article></main></body></html>`;
}

/** The full-text page repeats every clause but stays out of the index (no data-pagefind-body). */
function fullTextHtml(): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Toàn văn</title></head><body><main>${PAGES.flatMap((page) => page.clauses.map(clauseHtml)).join('')}</main></body></html>`;
}

export interface FixtureSearch {
  pagefind: PagefindApi;
  /** The bundle folder, for byte counts. */
  bundleDir: string;
  pageCount: number;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

/** Serves a folder read-only; `pagefind.js` fetches its index over HTTP even in Node. */
export function serve(
  root: string,
  onServe?: (path: string, compressedBytes: number) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = readFileSync(join(root, path));
      onServe?.(path, compressedSize(body));
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

/** Writes the fixture site, indexes it with our integration and loads the real `pagefind.js`. */
export async function fixtureSearch(): Promise<FixtureSearch> {
  const root = mkdtempSync(join(tmpdir(), 'search-fixture-'));
  for (const page of PAGES) {
    mkdirSync(join(root, page.path), { recursive: true });
    writeFileSync(join(root, page.path, 'index.html'), pageHtml(page));
  }
  mkdirSync(join(root, 'qn/toan-van'), { recursive: true });
  writeFileSync(join(root, 'qn/toan-van/index.html'), fullTextHtml());
  const bundleDir = join(root, 'pagefind');
  const report = await indexSite(root, bundleDir);
  const { server, url } = await serve(root);
  const module = (await import(
    pathToFileURL(join(bundleDir, 'pagefind.js')).href
  )) as PagefindApi & {
    options(options: Record<string, unknown>): Promise<void>;
    destroy(): Promise<void>;
  };
  await module.options({ basePath: `${url}pagefind/`, baseUrl: '/' });
  return {
    pagefind: module,
    bundleDir,
    pageCount: report.pageCount,
    close: async () => {
      await module.destroy();
      await new Promise((done) => server.close(done));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
