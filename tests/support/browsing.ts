import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
  Request,
} from 'playwright-core';

/** Small helpers shared by the browser tests. */

/** How long one step may wait for the page: a local static site answers far sooner. */
const STEP_TIMEOUT_MS = 15_000;

/** A fresh context per journey, so one test's storage (theme choice) never leaks into another. */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    reducedMotion: 'reduce',
    ...options,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context;
}

/** Every request the page makes from now on, in order. */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

/** Fails the journey on any script error, which a reader would meet as a dead control. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

/**
 * The journeys of one test file: one browser, a fresh context and page per journey, and the
 * script errors of the journey's page, which a test expects to be none.
 */
export class Journeys {
  private browser: Browser | undefined;
  private current: BrowserContext | undefined;
  /** Script errors of the current journey's page. */
  errors: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly launch: () => Promise<Browser>,
  ) {}

  /** Starts the browser; call in `beforeAll`. */
  async start(): Promise<void> {
    this.browser = await this.launch();
  }

  /** Closes the last context and the browser; call in `afterAll`. */
  async stop(): Promise<void> {
    await this.current?.close();
    await this.browser?.close();
  }

  /** The current journey's context, for permissions. */
  get context(): BrowserContext {
    if (!this.current) throw new Error('no journey opened yet');
    return this.current;
  }

  /** Opens a path of the site in a fresh context. */
  async open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
    if (!this.browser) throw new Error('the browser is not started: call start() in beforeAll');
    await this.current?.close();
    this.current = await newContext(this.browser, options);
    const page = await this.current.newPage();
    this.errors = collectPageErrors(page);
    await page.goto(new URL(path, this.baseUrl).href);
    return page;
  }
}
