/**
 * `node scripts/launch.mjs <program> [arguments]`: runs one of the build's programs (named in
 * `src/lib/build/programs.json`) as JavaScript. Every program of the table is bundled from its
 * TypeScript into `.cache/programs/` (packages stay where npm put them), then the named one is
 * run with the arguments given, and the folder is named in the environment for the programs it
 * starts: the content step's workers and the search index helper then load JavaScript too.
 * Plain JavaScript itself, since it runs before anything could compile TypeScript.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The project folder: the launcher's own folder's parent. */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** Where the bundles go, ignored by git like the rest of `.cache/`. */
const OUT = join(ROOT, '.cache', 'programs');
/** The variable that names `OUT` to the programs (`PROGRAMS_DIR` in `programs.ts`). */
const PROGRAMS_DIR = 'NGHI_QUYET_PROGRAMS';

/**
 * Keeps `import.meta.url` of each module its own file's address, as when it runs unbundled:
 * modules find files beside them (the PDF reader's worker) by it.
 */
const ownLocation = {
  name: 'own-location',
  setup(bundler) {
    bundler.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

/** Writes a bundle only when it changed, by renaming, so a run that reads it never sees half. */
function writeBundle(path, bytes) {
  try {
    if (Buffer.compare(readFileSync(path), bytes) === 0) return;
  } catch {
    // Not there yet.
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

const [name, ...rest] = process.argv.slice(2);
const table = JSON.parse(readFileSync(join(ROOT, 'src', 'lib', 'build', 'programs.json'), 'utf8'));
if (!name || !Object.hasOwn(table, name)) {
  console.error(`launch: name a program: ${Object.keys(table).join(', ')}`);
  process.exit(2);
}
try {
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: table,
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [ownLocation],
  });
  for (const file of outputFiles) writeBundle(file.path, file.contents);
} catch (error) {
  const first = error.errors?.[0];
  const where = first?.location
    ? `${relative(process.cwd(), join(ROOT, first.location.file))}:${first.location.line}:${first.location.column + 1}: `
    : '';
  console.error(`launch: ${where}${first?.text ?? error.message}`);
  process.exit(1);
}
process.env[PROGRAMS_DIR] = OUT;
process.argv = [process.argv[0], join(OUT, `${name}.mjs`), ...rest];
await import(pathToFileURL(join(OUT, `${name}.mjs`)).href);
