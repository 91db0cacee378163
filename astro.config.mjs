// The Papershelf site: wiring only. The archive's pages come from the astro-papershelf integration.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import papershelf from 'astro-papershelf';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://papershelf.example.org',
  base: process.env.BASE_PATH ?? '/',
  markdown: { processor: unified({ smartypants: false }) },
  integrations: [mdx(), papershelf({ title: 'Papershelf' })],
});
