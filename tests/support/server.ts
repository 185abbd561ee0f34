import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The real build served by `astro preview` on the loopback address, as a reader's browser sees it. */

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface PreviewServer {
  /** The site's root URL, including Astro's `base`: `http://127.0.0.1:41234/`. */
  url: string;
  stop: () => Promise<void>;
}

/** Asks the kernel for a port nobody holds, so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === 'object' && address !== null) resolvePort(address.port);
        else reject(new Error('could not read a free port'));
      });
    });
  });
}

/** Removes terminal colour codes from a line of server output. */
function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Ends the server and anything it started: it runs in its own process group. */
function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      done();
      return;
    }
    const pid = child.pid;
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      done();
    }
  });
}

/** Starts `astro preview` over `outDir` on a free port; resolves once it serves the front page. */
export async function startPreview(
  outDir: string,
  root = PROJECT_ROOT,
  timeoutMs = 60_000,
): Promise<PreviewServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      resolve(root, 'node_modules/astro/astro.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--outDir',
      outDir,
    ],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += stripAnsi(chunk.toString())));
  child.stderr?.on('data', (chunk: Buffer) => (output += stripAnsi(chunk.toString())));

  const deadline = Date.now() + timeoutMs;
  const pattern = new RegExp(`http://127\\.0\\.0\\.1:${port}(/\\S*)?`);
  let url: string | null = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`astro preview exited with code ${child.exitCode}:\n${output}`);
    }
    url ??= pattern.exec(output)?.[0] ?? null;
    if (url !== null && (await answers(url))) {
      const root = url.endsWith('/') ? url : `${url}/`;
      return { url: root, stop: () => stopProcess(child) };
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  await stopProcess(child);
  throw new Error(`astro preview did not answer within ${timeoutMs} ms:\n${output}`);
}

/** True once the server returns a successful response for the URL. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}
