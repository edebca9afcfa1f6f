// Debian's chromium (the `chromium` package; .ci/run installs it) driven by playwright-core,
// for the dashboard test. Everything the page must never do (throw, open a dialog, break the
// Content-Security-Policy, log an error) is recorded, so the test can assert there was none.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = () => existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    // No sandbox: CI runs as root in a container. The rest keeps chromium off the network
    // and quiet: the test talks only to its own server on 127.0.0.1.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface PageWatch {
  /** page errors, console errors and dialogs, as lines to show when the test fails */
  problems: string[];
  dialogs: string[];
  /** Content-Security-Policy violations the page reported */
  cspViolations(): Promise<string[]>;
}

export async function watchPage(page: Page): Promise<PageWatch> {
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Runs before the page's own scripts in every document the page loads.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return {
    problems,
    dialogs,
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}
