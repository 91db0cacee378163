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

  it('keeps the hashes the site configured and those of files the page loads with integrity', async () => {
    const configured = sha('sha256', 'a script made at run time');
    const cdn = sha('sha384', 'a file on a CDN');
    const policy = `script-src 'self' ${fileHash} ${configured} ${cdn}`;
    const html = page(policy, `<script src="https://cdn.example.org/x.js" integrity="${cdn.slice(1, -1)}" crossorigin></script>`);
    expect(policyOf(await keepHashesInUse(html, new Set([configured.slice(1, -1)])))).toBe(`script-src 'self' ${configured} ${cdn}`);
  });

  it('keeps no hash for a data block, which no policy applies to', async () => {
    const json = '{"@type":"ScholarlyArticle"}';
    const policy = `script-src 'self' ${sha('sha256', json)} ${sha('sha256', inlineScript)}`;
    const html = page(policy, `<script type="application/ld+json">${json}</script><script type="module">${inlineScript}</script>`);
    expect(policyOf(await keepHashesInUse(html))).toBe(`script-src 'self' ${sha('sha256', inlineScript)}`);
  });

  it('reads inline elements as a browser does: not in comments, not a custom element, not a data-src script', async () => {
    const inline = sha('sha256', inlineScript);
    const policy = `script-src 'self' ${inline}`;
    for (const body of [
      `<!-- <script> --><script>${inlineScript}</script>`,
      `<script-loader></script-loader><script>${inlineScript}</script>`,
      `<script data-src="x" data-x="a>b">${inlineScript}</script>`,
    ])
      expect(policyOf(await keepHashesInUse(page(policy, body))), body).toBe(policy);
  });

  it("leaves whole a directive with 'unsafe-inline', or one that would be left with no source", async () => {
    const inlineAllowed = `style-src-elem 'self' 'unsafe-inline' ${fileHash}`;
    expect(policyOf(await keepHashesInUse(page(inlineAllowed)))).toBe(inlineAllowed);
    const hashesOnly = `script-src-elem ${fileHash}`;
    expect(policyOf(await keepHashesInUse(page(hashesOnly)))).toBe(hashesOnly);
  });

  it("leaves a directive with 'strict-dynamic' or 'unsafe-hashes' whole, and a page without hashes as it is", async () => {
    const policy = `script-src 'strict-dynamic' ${fileHash}; style-src 'unsafe-hashes' ${sha('sha256', 'color:red')}`;
    expect(policyOf(await keepHashesInUse(page(policy)))).toBe(policy);
    const plain = page("default-src 'self'");
    expect(await keepHashesInUse(plain)).toBe(plain);
    expect(await keepHashesInUse('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
});
