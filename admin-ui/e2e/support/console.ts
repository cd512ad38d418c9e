import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../../server/src/common/database/free-port.js';
import { startTestApp, type TestApp } from '../../../server/test/support/test-app.js';
import { launchChromium } from './browser.js';

/** The built console served by the real app on its own database, and a Chromium to drive it. */
export interface ConsoleUnderTest {
  t: TestApp;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

export async function startConsole(label: string, env: Record<string, string> = {}): Promise<ConsoleUnderTest> {
  const t = await startTestApp(label, env);
  const port = await freePort();
  await t.app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    t,
    browser,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the sign-in page (French or English) and, unless told otherwise, waits for the dashboard. */
export async function signIn(
  page: Page,
  base: string,
  username: string,
  { password = 'demo', waitForDashboard = true } = {},
): Promise<void> {
  await page.goto(`${base}/admin/`);
  await page.getByLabel(/identifiant|username/i).fill(username);
  await page.getByRole('textbox', { name: /^(mot de passe|password)/i }).fill(password);
  await page.getByRole('button', { name: /connexion|sign in/i }).click();
  if (waitForDashboard) await page.getByRole('heading', { name: /Bienvenue|Welcome/ }).waitFor();
}

/** WCAG 2.1 A/AA problems axe finds on the page, each with the elements concerned. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // What axe sees must be the screen at rest: no tooltip left open by where the mouse happens to be, and no dialog
  // or tooltip halfway through its fade (its text then has a fraction of its contrast). Endless animations, such
  // as a progress indicator, are not waited for.
  await page.mouse.move(0, 0);
  await page.waitForFunction(
    `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`,
  );
  await page.locator('.MuiTooltip-popper').waitFor({ state: 'detached' });
  // Legacy mode runs axe inside the page itself, so any page will do (the default opens a second page in the
  // page's context, which a page made by browser.newPage() does not allow); the console has no iframe.
  const result = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
