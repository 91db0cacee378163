// The Papershelf site: wiring only. The archive's pages come from the astro-papershelf integration.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import papershelf from 'astro-papershelf';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://papershelf.example.org',
  base: process.env.BASE_PATH ?? '/',
  // Prism marks code with classes, not inline styles, so it works under the CSP below.
  markdown: { syntaxHighlight: 'prism', processor: unified({ smartypants: false }) },
  // A strict Content Security Policy: nothing from other origins, no inline script but Astro's hashed
  // ones. The integration adds what the archive needs on the pages that need it: style attributes
  // for KaTeX's layout, and 'wasm-unsafe-eval' for Pagefind on the search page.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  integrations: [
    mdx(),
    papershelf({
      title: 'Papershelf',
      description:
        "Research papers from Hugging Face's Daily Papers: read them with their formulas, browse by date and topic, search them all.",
    }),
  ],
});
