/**
 * `npm run import -- FILE... [--out DIR]`: each published file (.docx, .doc, .pdf, vbpl.vn
 * .html or plain text, told apart by its bytes) → the UTF-8 text seed the parser reads, as
 * `DIR/<slug>.txt` (default `seeds/`). Every file is imported before anything is written, and a
 * seed is written whole (temporary file, then rename), so a failure never leaves half a seed.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource, sourceSlug } from '../src/lib/import/source.ts';
import { InputError } from '../src/lib/text/normalize.ts';
import { slugify } from '../src/lib/text/slug.ts';

const USAGE = 'usage: npm run import -- FILE... [--out DIR]';

/** Reads the command line; returns an error message instead of throwing. */
function parseArgs(argv: string[]): { files: string[]; out: string } | string {
  let out = 'seeds';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--out') {
      const value = argv[++i];
      if (!value) return `--out takes a folder\n${USAGE}`;
      out = value;
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('-')) return `unknown option ${arg}\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length === 0) return USAGE;
  return { files, out };
}

/** The seed file name of a source: its name as a URL slug, with `.txt`. */
function seedName(file: string): string {
  const slug = slugify(sourceSlug(file));
  return `${slug === '' ? 'van-ban' : slug}.txt`;
}

/** Writes a file whole: to a temporary name first, then renamed over the target. */
function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const seeds: { path: string; text: string }[] = [];
  let current = '';
  try {
    for (const file of args.files) {
      current = file;
      const source = readSource(file);
      for (const note of source.notes) process.stderr.write(`note: ${note}\n`);
      seeds.push({ path: join(args.out, seedName(file)), text: source.text });
    }
    mkdirSync(args.out, { recursive: true });
    for (const seed of seeds) {
      writeWhole(seed.path, seed.text);
      process.stdout.write(`${seed.path}\n`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof InputError ? error.message : `${current}: ${String(error)}`;
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = main();
