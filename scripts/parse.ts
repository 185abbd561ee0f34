/**
 * `npm run parse -- [--format json|text] FILE`: the document tree as JSON (default) or the
 * rebuilt plain text on stdout; warnings on stderr as FILE:LINE:COL: warning: …
 */
import { loadDocumentFile } from '../src/lib/document/load.ts';
import { toPlainText } from '../src/lib/document/serialize.ts';
import { InputError } from '../src/lib/text/normalize.ts';

const USAGE = 'usage: npm run parse -- [--format json|text] FILE';

/** Reads the command line; returns an error message instead of throwing. */
function parseArgs(argv: string[]): { format: 'json' | 'text'; file: string } | string {
  let format: 'json' | 'text' = 'json';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--format') {
      const value = argv[++i];
      if (value !== 'json' && value !== 'text') return `--format takes json or text\n${USAGE}`;
      format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'json' && value !== 'text') return `--format takes json or text\n${USAGE}`;
      format = value;
    } else if (arg.startsWith('-')) return `unknown option ${arg}\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length !== 1) return USAGE;
  return { format, file: files[0] as string };
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  try {
    const { document, warnings } = loadDocumentFile(args.file);
    for (const w of warnings)
      process.stderr.write(`${args.file}:${w.line}:${w.col}: warning: ${w.message}\n`);
    process.stdout.write(
      args.format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : toPlainText(document),
    );
    return 0;
  } catch (error) {
    const message = error instanceof InputError ? error.message : `${args.file}: ${String(error)}`;
    process.stderr.write(`error: ${message}\n`);
    return 1;
  }
}

process.exitCode = main();
