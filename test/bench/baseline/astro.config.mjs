// The benchmark's baseline: a bare Astro 7 site with the same papers, unified() + remark-math + rehype-katex,
// one plain page per paper. Pagefind runs over it after the build. Nothing else.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

export default defineConfig({
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
});
