// A _redirects file longer than Cloudflare Pages reads is reported, with what to do; one that fits is not.
import { describe, expect, it } from 'vitest';
import { redirectRulesNote } from '../../plugins/papershelf/src/integration/report-redirects.ts';

const rules = (n: number) => Array.from({ length: n }, (_, i) => `/arxiv/2401.${String(10000 + i)}/ /papers/p${i}/ 301`).join('\n');

describe('redirectRulesNote', () => {
  it('says nothing of 2,000 rules, comments and blank lines aside', () => {
    expect(redirectRulesNote(`# arXiv ids\n${rules(2000)}\n\n`)).toBeUndefined();
  });

  it('warns past 2,000 rules and says what to set', () => {
    expect(redirectRulesNote(`${rules(2001)}\n`)).toBe(
      "_redirects holds 2001 redirect rules; Cloudflare Pages reads only the first 2000 (Netlify reads them all). On Cloudflare, set arxivRedirects: 'pages'.",
    );
  });
});
