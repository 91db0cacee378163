// The shipped archive in Chromium under its strict CSP: no violation, no outside request, axe-clean in light and
// dark, usable by keyboard with a visible focus; and the authors pages of a fixture that has authors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { astroBin, paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let shipped: Awaited<ReturnType<typeof serveStatic>>;
let authors: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const build = await run(process.execPath, [astroBin, 'build'], repoRoot);
  expect(build.code, build.output).toBe(0);
  shipped = await serveStatic(join(repoRoot, 'dist'));
  const root = await writeFixture('sound-authors', {
    'content/papers/a.md': paperFile(
      'title: Sparse attention\nauthors: ["Łukasz Kaiser", "Ada Lovelace"]\ndate: 2025-01-02',
      'About sparse attention.',
    ),
    'content/papers/b.md': paperFile('title: Dense attention\nauthors: ["Lukasz Kaiser"]\ndate: 2025-01-01', 'About dense attention.'),
  });
  const fixture = await run(process.execPath, [astroBin, 'build', '--root', root], repoRoot);
  expect(fixture.code, fixture.output).toBe(0);
  authors = await serveStatic(join(root, 'dist'));
  browser = await launchChromium();
  await mkdir(screenshotDir, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await shipped?.close();
  await authors?.close();
});

interface Visit {
  page: Page;
  outside: string[];
  violations: string[];
}

/** Opens a page, recording requests to other origins and CSP violations the page reports. */
async function visit(origin: string, path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Visit> {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  const outside: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) outside.push(request.url());
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Refused to ${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  await page.goto(`${origin}${path}`);
  return { page, outside, violations };
}

async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (c: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run(document),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

const screenshotDir = join(repoRoot, 'test', '.work', 'screenshots');

const readmeScreenshots: Record<string, string> = { 'home-1280-light': 'home.jpg', 'paper-390-dark': 'paper-phone-dark.jpg' };

const pages = [
  ['home', '/'],
  ['paper', '/papers/rat-bridging-rnn-efficiency-and-attention-accuracy-in/'],
  ['tag', '/tags/efficient-attention/'],
  ['tags', '/tags/'],
  ['day', '/date/2025-08-27/'],
  ['dates', '/date/'],
  ['month', '/month/2025-08/'],
  ['subscribe', '/subscribe/'],
  ['search', '/search/?q=attention+sink'],
] as const;

describe('the shipped archive under its CSP', () => {
  it('sends a CSP that allows only the site itself, with what KaTeX and Pagefind need where they need it', async () => {
    const home = await readFile(join(repoRoot, 'dist', 'index.html'), 'utf8');
    const search = await readFile(join(repoRoot, 'dist', 'search', 'index.html'), 'utf8');
    const policy = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy(home)).toContain("default-src 'self'");
    expect(policy(home)).toContain("style-src-attr 'unsafe-inline'");
    expect(policy(home)).not.toContain('wasm-unsafe-eval');
    expect(policy(search)).toContain("'wasm-unsafe-eval'");
    expect(policy(search)).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  for (const [name, path] of pages) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${name} page (${scheme}): renders with no CSP violation, no outside request and no serious axe violation`, async () => {
        const { page, outside, violations } = await visit(shipped.origin, path, scheme);
        if (name === 'search') await page.locator('.search-result').first().waitFor();
        if (name === 'paper') {
          const box = await page.locator('.abstract .katex-html').first().boundingBox();
          expect(box?.width).toBeGreaterThan(10);
          expect(
            await page
              .locator('.abstract .katex')
              .first()
              .evaluate((el) => getComputedStyle(el).fontFamily),
          ).toContain('KaTeX');
          expect(await page.locator('.abstract .katex-mathml math').count()).toBeGreaterThan(0);
        }
        expect(await axeProblems(page)).toEqual([]);
        expect(violations).toEqual([]);
        expect(outside).toEqual([]);
        await page.context().close();
      });
    }
  }

  // Screenshots for a person to look at (git-ignored), of the pages a reader meets first; the test asserts what a
  // screenshot would show wrong at a glance: nothing wider than the window.
  for (const [name, path] of pages.filter(([name]) => ['home', 'paper', 'tags', 'tag', 'day', 'month', 'search'].includes(name))) {
    it(`${name} page: fits the window at 1280, 390 and 320 px (WCAG's reflow width), light and dark, and is saved as a screenshot`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        for (const width of [1280, 390, 320]) {
          const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: width > 500 ? 800 : 844 } });
          const page = await context.newPage();
          await page.goto(`${shipped.origin}${path}`);
          if (name === 'search') await page.locator('.search-result').first().waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${name} at ${width} px (${scheme}) scrolls sideways`).toBeLessThanOrEqual(0);
          if (name === 'search' && width === 320) {
            // A word longer than the screen, in the query or in an excerpt's web address, breaks rather than widens it.
            for (const query of ['supercalifragilisticexpialidociousattentionmechanismxyzzy', 'github']) {
              await page.goto(`${shipped.origin}/search/?q=${query}`);
              await page.locator('[data-search-status]').filter({ hasText: 'for' }).waitFor();
              const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              expect(wider, `search for ${query} at 320 px scrolls sideways`).toBeLessThanOrEqual(0);
            }
            await page.goto(`${shipped.origin}${path}`);
            await page.locator('.search-result').first().waitFor();
          }
          await page.screenshot({ path: join(screenshotDir, `${name}-${width}-${scheme}.png`) });
          // The README's pair, small enough to commit: copy them to docs/screenshots/ when the pages change.
          const readme = readmeScreenshots[`${name}-${width}-${scheme}`];
          if (readme) await page.screenshot({ path: join(screenshotDir, readme), type: 'jpeg', quality: 45 });
          await context.close();
        }
      }
    });
  }

  it('works by keyboard with a visible focus', async () => {
    const { page } = await visit(shipped.origin, '/');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, left: el.getBoundingClientRect().left, outline: style.outlineStyle };
    });
    expect(skip).toMatchObject({ text: 'Skip to content' });
    expect(skip.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(focused.tag).toBe('A');
    expect(focused.outline).not.toBe('none');
    expect(focused.width).not.toBe('0px');
    await page.context().close();
  });

  it('names tags and rule-matched tags to screen readers, and shows neither label', async () => {
    const { page } = await visit(shipped.origin, '/papers/rat-bridging-rnn-efficiency-and-attention-accuracy-in/');
    const ruleTag = '.paper-tags a.tag-from-rule';
    expect(await page.locator(ruleTag).first().innerText()).toBe('Attention mechanisms');
    expect((await accessibility(page, ruleTag)).name).toBe('Attention mechanisms (matched by a rule)');
    expect((await accessibility(page, '.paper-tags a.tag-from-parent')).name).toBe('Architectures');
    expect(await shownContent(page, ruleTag, '::after')).toBe('');

    await page.goto(`${shipped.origin}/`);
    expect((await accessibility(page, '.paper-card-tags')).children.slice(0, 2)).toEqual(['Tags: ', 'Positional encoding']);
    expect(await shownContent(page, '.paper-card-tags', '::before')).toBe('');
    // The label takes no place in the row of tags: the first tag starts where the row does.
    const tags = page.locator('.paper-card-tags').first();
    const [row, first] = await Promise.all([tags.boundingBox(), tags.locator('a').first().boundingBox()]);
    expect(first!.x).toBe(row!.x);
    await page.context().close();
  });
});

describe('authors pages', () => {
  for (const path of ['/authors/', '/authors/letter/l/', '/authors/lukasz-kaiser/']) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${path} (${scheme}) has no serious axe violation and no outside request`, async () => {
        const { page, outside } = await visit(authors.origin, path, scheme);
        expect(await axeProblems(page)).toEqual([]);
        expect(outside).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('names the authors to screen readers, on the paper page and on its card, and shows no label', async () => {
    const { page } = await visit(authors.origin, '/papers/a/');
    expect((await accessibility(page, '.paper-header .authors')).children).toEqual(['Authors: ', 'Łukasz Kaiser', ', Ada Lovelace']);
    expect(await shownContent(page, '.paper-header .authors', '::before')).toBe('');
    expect(await page.locator('.paper-header .authors').innerText()).toBe('Łukasz Kaiser, Ada Lovelace');
    await page.goto(`${authors.origin}/authors/lukasz-kaiser/`);
    expect((await accessibility(page, '.paper-card:not(.paper-card-full) .authors')).children[0]).toBe('Authors: ');
    await page.context().close();
  });
});

/**
 * What Chromium's own accessibility tree (read over the DevTools protocol) holds for the first element `selector`
 * finds: its accessible name, and the names of its children in order.
 */
async function accessibility(page: Page, selector: string): Promise<{ name: string; children: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes[0]!;
  const { nodes: children } = await cdp.send('Accessibility.getChildAXNodes', { id: node.nodeId });
  await cdp.detach();
  const nameOf = (n: { name?: { value?: unknown } }) => String(n.name?.value ?? '');
  return { name: nameOf(node), children: children.map(nameOf) };
}

/**
 * The text a pseudo-element of the first element `selector` finds shows: its `content` before any alternative text,
 * without zero-width spaces (which show nothing).
 */
async function shownContent(page: Page, selector: string, pseudo: '::before' | '::after'): Promise<string> {
  const content = await page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el, p).content, pseudo);
  // `"" / "Authors: "`: the shown part, a quoted string, comes before the slash.
  return (JSON.parse(/^("(?:[^"\\]|\\.)*")/.exec(content)?.[1] ?? '"(no string)"') as string).replaceAll('\u200b', '');
}
