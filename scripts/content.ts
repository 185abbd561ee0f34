/**
 * `npm run content`: every `seeds/*.txt` → `content/<doc>/` (one MDX file per page and the tree
 * as `document.json`). Warnings go to stderr as `FILE:LINE:COL: warning: …`; any failure is one
 * line naming the file, and leaves the existing content as it was.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateContent } from '../src/lib/mdx/generate.ts';
import { writeContent } from '../src/lib/mdx/write.ts';

const SEEDS = 'seeds';
const CONTENT = 'content';
const GLOSSARY = join(CONTENT, 'glossary.json');

/** The seed files, or a one-line error when there are none. */
function seedFiles(): string[] {
  let names: string[];
  try {
    names = readdirSync(SEEDS);
  } catch {
    throw new Error(`${SEEDS}/: cannot read the seeds folder`);
  }
  const files = names.filter((name) => name.endsWith('.txt')).map((name) => join(SEEDS, name));
  if (files.length === 0) throw new Error(`${SEEDS}/: no .txt files to read`);
  return files;
}

try {
  const { files, warnings } = generateContent(seedFiles(), GLOSSARY);
  for (const w of warnings) console.error(`${w.file}:${w.line}:${w.col}: warning: ${w.message}`);
  writeContent(CONTENT, files);
  const pages = files.filter((file) => file.path.endsWith('.mdx')).length;
  console.log(`content: ${pages} pages written to ${CONTENT}/`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message.split('\n')[0]);
  process.exitCode = 1;
}
