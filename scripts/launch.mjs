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
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project folder: the launcher's own folder's parent. */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** Where the bundles go, ignored by git like the rest of `.cache/`. */
const OUT = join(ROOT, '.cache', 'programs');
/** The table of programs: name → entry point. */
const TABLE = join(ROOT, 'src', 'lib', 'build', 'programs.json');
/** The variable that names `OUT` to the programs (`PROGRAMS_DIR` in `programs.ts`). */
const PROGRAMS_DIR = 'NGHI_QUYET_PROGRAMS';

/** esbuild's loader for each kind of source the programs import. */
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/**
 * Reads the project's sources for esbuild, keeping the bytes read in `read` (path relative to
 * `ROOT` → bytes) so that the manifest's hash is of what was bundled, even if a file is saved
 * while bundling. Keeps `import.meta.url` of each module its own file's address, as when it
 * runs unbundled: modules find files beside them (the PDF reader's worker) by it.
 */
function sourcesRead(read) {
  return {
    name: 'sources-read',
    setup(bundler) {
      bundler.onLoad({ filter: /\.(m?[jt]s|json)$/ }, (args) => {
        const bytes = readFileSync(args.path);
        read.set(relative(ROOT, args.path), bytes);
        const text = bytes.toString('utf8');
        return {
          contents: args.path.endsWith('.json')
            ? text
            : text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader: LOADERS[extname(args.path)],
        };
      });
    },
  };
}

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

/** A hash of the launcher, the table of programs and the inputs (relative path → bytes). */
function hashOf(inputs) {
  const hash = createHash('sha256');
  for (const [file, bytes] of [...STARTED, ...[...inputs].sort(([a], [b]) => (a < b ? -1 : 1))]) {
    hash.update(`${file}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The files given (relative to `ROOT`) as they are now. */
function current(files) {
  return new Map(files.map((file) => [file, readFileSync(join(ROOT, file))]));
}

/** Whether every bundle of the table is there, made from the files as they are now. */
function upToDate(table) {
  try {
    const { inputs, hash } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return (
      Object.keys(table).every((name) => existsSync(join(OUT, `${name}.mjs`))) &&
      hashOf(current(inputs)) === hash
    );
  } catch {
    return false;
  }
}

/** Bundles every program of the table, unless the last bundles came from the same files. */
async function bundle(table) {
  if (upToDate(table)) return;
  const { build } = await import('esbuild');
  const read = new Map();
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
    plugins: [sourcesRead(read)],
  });
  for (const file of outputFiles) writeBundle(file.path, file.contents);
  const inputs = Object.keys(metafile.inputs).sort();
  // Inputs esbuild read itself, if any, are hashed as they are now.
  const bundled = new Map([...current(inputs.filter((i) => !read.has(i))), ...read]);
  writeBundle(MANIFEST, Buffer.from(JSON.stringify({ inputs, hash: hashOf(bundled) })));
}

const [name, ...rest] = process.argv.slice(2);
/** The launcher and the table as this run read them, hashed with the inputs. */
const STARTED = [
  [fileURLToPath(import.meta.url), readFileSync(fileURLToPath(import.meta.url))],
  [TABLE, readFileSync(TABLE)],
];
const table = JSON.parse(STARTED[1][1].toString('utf8'));
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
