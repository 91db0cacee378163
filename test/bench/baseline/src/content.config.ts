// The baseline's papers: Astro's glob loader, any frontmatter.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { papers: defineCollection({ loader: glob({ pattern: '**/*.md', base: 'content/papers' }) }) };
