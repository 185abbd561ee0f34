import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/server.ts';

/**
 * The layers of `src/lib/`, lowest first. A module may import its own folder and folders of a
 * lower layer, never one beside or above it, so data flows one way: published file → text →
 * document tree → analysis → shared vocabulary → MDX and exports → what the pages need → HTML
 * fragments → the content step that makes all of it.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['text'],
  ['import'],
  ['document'],
  ['analysis'],
  ['vocabulary'],
  ['mdx', 'export'],
  ['site'],
  ['html'],
  ['build'],
];

const LIB = join(PROJECT_ROOT, 'src', 'lib');

/** The layer of a folder of `src/lib/`, or -1 when it is in no layer. */
function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The `src/lib/` folder a relative import of `file` lands in, or null outside `src/lib/`. */
function folderOf(file: string, specifier: string): string | null {
  const target = relative(LIB, resolve(dirname(file), specifier));
  if (target.startsWith('..')) return null;
  return target.split('/')[0] ?? null;
}

/**
 * The relative module specifiers a file imports or re-exports: `import … from`, `export … from`,
 * imports for their side effects (`import './x'`) and dynamic ones (`import('./x')`).
 */
function imports(text: string): string[] {
  const found = text.matchAll(
    /(?:(?:import|export)\s[^'";]*?from\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g,
  );
  return [...found].map((match) => match[1] ?? '');
}

/** Imports that point beside or up, as `file → folder`. */
function violations(files: string[]): string[] {
  return files.flatMap((file) => {
    const own = relative(LIB, file).split('/')[0] ?? '';
    return imports(readFileSync(file, 'utf8'))
      .map((specifier) => folderOf(file, specifier))
      .filter((folder): folder is string => folder !== null && folder !== own)
      .filter((folder) => layerOf(folder) >= layerOf(own))
      .map((folder) => `${relative(PROJECT_ROOT, file)} → src/lib/${folder}/`);
  });
}

describe('layers of src/lib', () => {
  const folders = readdirSync(LIB, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it('names every folder in a layer', () => {
    expect(folders.filter((folder) => layerOf(folder) < 0)).toEqual([]);
  });

  it('imports only its own folder and lower layers', () => {
    expect(violations(sources(LIB))).toEqual([]);
  });

  it('would notice an import that points up', () => {
    const probe = join(LIB, 'document', 'probe.ts');
    expect(imports("import { x } from '../site/urls.ts';")).toEqual(['../site/urls.ts']);
    expect(imports("import type {\n  A,\n  B,\n} from '../site/a.ts';")).toEqual(['../site/a.ts']);
    expect(imports("export * from '../mdx/b.ts';")).toEqual(['../mdx/b.ts']);
    expect(imports("import '../site/c.ts';")).toEqual(['../site/c.ts']);
    expect(imports("const d = await import('../build/d.ts');")).toEqual(['../build/d.ts']);
    expect(imports("import { fold } from 'node:fs';")).toEqual([]);
    expect(folderOf(probe, '../site/urls.ts')).toBe('site');
    expect(layerOf('site')).toBeGreaterThan(layerOf('document'));
    expect(layerOf('export')).toBe(layerOf('mdx'));
  });
});
