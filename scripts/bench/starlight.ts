/**
 * The same generated content built with Starlight, the general documentation framework on Astro,
 * for comparison: a temporary project installed from the npm registry when the benchmark runs
 * (nothing of it is kept in this repository), holding every MDX page the content step wrote, as
 * Starlight's docs. Its components are plain stand-ins for the project's content components,
 * rendering the same elements, so both builds do the same work per page.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIRS } from './project.ts';

/** The Starlight and Astro versions the comparison installs (Astro the same as this project's). */
export const STARLIGHT_VERSION = '0.37';
export const STARLIGHT_ASTRO_VERSION = '5.18';

/** The components the generated MDX names, in order. */
export const CONTENT_COMPONENTS = [
  'Abbr',
  'Cite',
  'Clause',
  'Frame',
  'Head',
  'Label',
  'Para',
  'Rel',
  'Related',
  'Text',
] as const;

/** Stand-ins for the content components: the same elements, attributes and nesting. */
const COMPONENT_SOURCES: Record<(typeof CONTENT_COMPONENTS)[number], string> = {
  Abbr: `---\nconst { title } = Astro.props;\n---\n<abbr title={title}><slot /></abbr>\n`,
  Cite: `---\nconst { doc, to } = Astro.props;\n---\n<a class="cite" href={\`/\${doc}/van-ban-dan-chieu/#\${to}\`}><slot /></a>\n`,
  Clause: `---\nconst { id, kind, citation, gist, eid = '' } = Astro.props;\nconst title = [citation, gist].filter((s) => s !== '').join(' — ');\n---\n<div class={\`n n-\${kind}\`} id={id} data-pagefind-title={title}>\n  {citation !== '' && kind !== 'item' && <p class="n-cite" data-pagefind-ignore>{citation}{eid !== '' && <span class="n-eid">{eid}</span>}</p>}\n  <slot />\n</div>\n`,
  Frame: `---\nconst { id, kind } = Astro.props;\n---\n<div class={\`f f-\${kind}\`} id={id}><slot /></div>\n`,
  Head: `---\nconst level = Math.min(6, Math.max(1, Number(Astro.props.level) || 2));\nconst Tag = \`h\${level}\`;\n---\n<Tag class="n-h"><slot /></Tag>\n`,
  Label: `---\nconst { of } = Astro.props;\nconst Tag = of ? 'a' : 'span';\n---\n<Tag class="n-l" href={of ? \`#\${of}\` : undefined}><slot /></Tag>\n`,
  Para: `---\nconst { id } = Astro.props;\n---\n<p class="n-p" id={id}><slot /></p>\n`,
  Rel: `---\nconst { doc, page, to, citation, match } = Astro.props;\n---\n<li><a href={\`/\${doc}/\${page}/#\${to}\`}>{citation}</a>{match !== '' && <span class="rel-m"> “{match}”</span>}</li>\n`,
  Related: `---\nconst { kind } = Astro.props;\n---\n<div class={\`rel rel-\${kind}\`} data-pagefind-ignore><ul class="rel-l"><slot /></ul></div>\n`,
  Text: `---\nconst { lead } = Astro.props;\n---\n<p class:list={['n-t', { 'n-lead': lead === 'true' }]}><slot /></p>\n`,
};

/** The module every page imports its components from. */
const COMPONENTS_MODULE = '/src/components/content.ts';

/** Files of the Starlight project besides its pages and packages. */
export function starlightFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: 'starlight-comparison',
        private: true,
        type: 'module',
        scripts: { build: 'astro build' },
        dependencies: {
          '@astrojs/starlight': STARLIGHT_VERSION,
          astro: STARLIGHT_ASTRO_VERSION,
        },
      },
      null,
      2,
    )}\n`,
    'astro.config.mjs': [
      "import starlight from '@astrojs/starlight';",
      "import { defineConfig } from 'astro/config';",
      'export default defineConfig({',
      "  site: 'http://localhost:4321',",
      "  integrations: [starlight({ title: 'Nghị quyết', defaultLocale: 'root', locales: { root: { label: 'Tiếng Việt', lang: 'vi' } } })],",
      '});',
      '',
    ].join('\n'),
    'src/content.config.ts': [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
    'src/components/content.ts': CONTENT_COMPONENTS.map(
      (name) => `export { default as ${name} } from './content/${name}.astro';`,
    ).join('\n'),
  };
  for (const name of CONTENT_COMPONENTS) {
    files[`src/components/content/${name}.astro`] = COMPONENT_SOURCES[name];
  }
  return files;
}

/** A generated MDX page as a Starlight page: the same text, importing its components. */
export function starlightPage(mdx: string): string {
  const end = mdx.indexOf('\n---\n', 4);
  if (!mdx.startsWith('---\n') || end === -1) throw new Error('MDX page without frontmatter');
  const imports = `import { ${CONTENT_COMPONENTS.join(', ')} } from '${COMPONENTS_MODULE}';`;
  return `${mdx.slice(0, end + 5)}\n${imports}\n\n${mdx.slice(end + 5)}`;
}

/** Writes a file, making its folder. */
function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Installs Starlight once into a temporary folder from the npm registry; throws one line with
 * npm's last words when it cannot.
 */
export function installStarlight(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nq-starlight-install-'));
  for (const [path, text] of Object.entries(starlightFiles())) write(join(dir, path), text);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (npm.status !== 0) {
    const last = `${npm.stderr}`.trim().split('\n').at(-1) ?? '';
    throw new Error(`npm install of Starlight ${STARLIGHT_VERSION} failed: ${last}`);
  }
  return dir;
}

/** The installed Starlight's version, as npm resolved it. */
export function installedVersion(install: string): string {
  const file = join(install, 'node_modules', '@astrojs', 'starlight', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * A fresh Starlight project over an installed one, holding the MDX pages of `contentDir`
 * (`content/<doc>/<page>.mdx`) as docs; packages linked one by one so Astro's caches start empty.
 */
export function starlightProject(install: string, contentDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nq-starlight-'));
  for (const [path, text] of Object.entries(starlightFiles())) write(join(dir, path), text);
  cpSync(join(install, 'package-lock.json'), join(dir, 'package-lock.json'));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(install, 'node_modules'))) {
    if (!CACHE_DIRS.includes(name)) {
      symlinkSync(join(install, 'node_modules', name), join(dir, 'node_modules', name));
    }
  }
  const docs = join(dir, 'src', 'content', 'docs');
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const page of readdirSync(join(contentDir, entry.name))) {
      if (!page.endsWith('.mdx')) continue;
      const mdx = readFileSync(join(contentDir, entry.name, page), 'utf8');
      write(join(docs, entry.name, page), starlightPage(mdx));
    }
  }
  return dir;
}
