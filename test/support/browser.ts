// Debian's Chromium driven by playwright-core (`npx playwright install` cannot download here).
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

/** Launches headless Chromium with no background networking (this machine has no network but the registries). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = candidates.find((path) => existsSync(path));
  if (!executablePath)
    throw new Error("Chromium not found: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH.");
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // Playwright gives each launch a fresh temporary profile.
  });
}
