import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core run inside the page, as the accessibility gate requires. */

/** WCAG 2.0–2.2 A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One failing element, named so a reader of the test output can find it. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  target: string;
}

/** Injects axe from node_modules (never a CDN) and returns every violation on the page. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: Document, options: object) => Promise<AxeResults> };
      }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => ({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        target: node.target.join(' '),
      })),
    );
  }, AXE_TAGS);
  return violations;
}

/** A finding as one line: page, rule, element. */
export function formatFinding(page: string, finding: AxeFinding): string {
  return `${page}: ${finding.rule} (${finding.impact}) at ${finding.target} — ${finding.help}`;
}
