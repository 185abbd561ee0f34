/**
 * `node scripts/launch.mjs <program> [arguments]`: runs one of the build's programs (named in
 * `src/lib/build/programs.json`) as JavaScript. Every program of the table is bundled from its
 * TypeScript into `.cache/programs/` (packages stay where npm put them), then the named one is
 * run with the arguments given, and the folder is named in the environment for the programs it
 * starts: the content step's workers and the search index helper then load JavaScript too, and
 * the build points Astro at its bundled configuration (`astroConfigArguments`). Plain
 * JavaScript itself, since it runs before anything could compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project folder: the launcher's own folder's parent. */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** Where the bundles go, ignored by git like the rest of `.cache/`. */
const OUT = join(ROOT, '.cache', 'programs');
/** The table of programs: name → entry point. */
const TABLE = join(ROOT, 'src', 'lib', 'build', 'programs.json');
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

/** Where the last bundling recorded its inputs and their hash. */
const MANIFEST = join(OUT, 'manifest.json');

/** A hash of the files given (relative to `ROOT`), this launcher and the table of programs. */
function hashOf(inputs) {
  const hash = createHash('sha256');
  for (const file of [fileURLToPath(import.meta.url), TABLE, ...inputs.map((i) => join(ROOT, i))]) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Whether every bundle of the table is there, made from the files as they are now. */
function upToDate(table) {
  try {
    const { inputs, hash } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return (
      Object.keys(table).every((name) => existsSync(join(OUT, `${name}.mjs`))) &&
      hashOf(inputs) === hash
    );
  } catch {
    return false;
  }
}

/** Bundles every program of the table, unless the last bundles came from the same files. */
async function bundle(table) {
  if (upToDate(table)) return;
  const { build } = await import('esbuild');
  const { outputFiles, metafile } = await build({
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
    metafile: true,
    logLevel: 'silent',
    plugins: [ownLocation],
  });
  for (const file of outputFiles) writeBundle(file.path, file.contents);
  const inputs = Object.keys(metafile.inputs).sort();
  writeBundle(MANIFEST, Buffer.from(JSON.stringify({ inputs, hash: hashOf(inputs) })));
}

const [name, ...rest] = process.argv.slice(2);
const table = JSON.parse(readFileSync(TABLE, 'utf8'));
if (!name || !Object.hasOwn(table, name)) {
  console.error(`launch: name a program: ${Object.keys(table).join(', ')}`);
  process.exit(2);
}
try {
  await bundle(table);
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
