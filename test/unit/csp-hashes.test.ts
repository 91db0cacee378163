// A page's CSP keeps the hashes of its own inline scripts and styles, and drops Astro's hashes of the site's files.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keepHashesInUse } from '../../plugins/papershelf/src/csp/hashes-in-use.ts';

const sha = (algorithm: 'sha256' | 'sha384', text: string) => `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`;
const inlineScript = 'document.documentElement.dataset.theme = "dark";';
const inlineStyle = '.x{color:red}';
const fileHash = sha('sha256', 'console.log("a file of the site")');
const page = (policy: string, body = '') =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}"><script type="module" src="/_astro/a.js"></script></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)![1]!;

describe('keepHashesInUse', () => {
  it("drops the hashes of files and of other pages' inline elements, keeping the rest of the policy as it was", async () => {
    const policy = `default-src 'self';img-src 'self' data:; script-src 'self' ${fileHash} ${sha('sha256', 'other page')}; style-src 'self' ${sha('sha256', 'a.css')}; style-src-attr 'unsafe-inline';`;
    expect(policyOf(await keepHashesInUse(page(policy)))).toBe(
      "default-src 'self';img-src 'self' data:; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline';",
    );
  });

  it('keeps the hash of an inline script or style the page has, in any of the algorithms', async () => {
    const kept = [sha('sha256', inlineScript), sha('sha384', inlineStyle)];
    const policy = `script-src 'self' ${fileHash} ${kept[0]}; style-src 'self' ${kept[1]}`;
    const html = page(policy, `<script>${inlineScript}</script><style>${inlineStyle}</style>`);
    expect(policyOf(await keepHashesInUse(html))).toBe(`script-src 'self' ${kept[0]}; style-src 'self' ${kept[1]}`);
  });

  it("leaves a directive with 'strict-dynamic' or 'unsafe-hashes' whole, and a page without hashes as it is", async () => {
    const policy = `script-src 'strict-dynamic' ${fileHash}; style-src 'unsafe-hashes' ${sha('sha256', 'color:red')}`;
    expect(policyOf(await keepHashesInUse(page(policy)))).toBe(policy);
    const plain = page("default-src 'self'");
    expect(await keepHashesInUse(plain)).toBe(plain);
    expect(await keepHashesInUse('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
});
