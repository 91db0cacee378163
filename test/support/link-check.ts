// A link checker over a built dist/: every internal href and src must resolve to a file, and no root-relative
// URL may leave the site's base path.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** Broken links of a built site served under `base`, as `page: href (why)` lines; empty when every link works. */
export async function brokenLinks(dist: string, base: string, origin = 'https://example.org'): Promise<string[]> {
  const problems: string[] = [];
  const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
  const checked = new Map<string, boolean>();
  for (const page of pages) {
    const $ = load(await readFile(join(dist, page), 'utf8'));
    const pageUrl = new URL(`${base}${page.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    const refs = $('a[href], link[href], script[src], img[src], form[action]')
      .map((_, el) => $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action'))
      .get()
      .filter((ref) => !/^(?:#|mailto:|data:)/.test(ref));
    for (const ref of refs) {
      const url = new URL(ref, pageUrl);
      if (url.origin !== new URL(origin).origin) continue;
      // Under `trailingSlash: 'never'` the home page of a site at `/archive/` is `/archive`.
      if (url.pathname === base.replace(/\/$/, '')) url.pathname = base;
      if (!url.pathname.startsWith(base)) {
        problems.push(`${page}: ${ref} (outside the base path ${base})`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      if (!checked.has(path)) {
        const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
        let found = false;
        for (const candidate of candidates) if (await exists(join(dist, candidate))) found = true;
        checked.set(path, found);
      }
      if (!checked.get(path)) problems.push(`${page}: ${ref} (no file for ${url.pathname})`);
    }
  }
  return problems;
}
