// The site's one collection: papers, loaded and validated by astro-papershelf.
import { defineCollection } from 'astro:content';
import { papersLoader, paperSchema } from 'astro-papershelf/content';

export const collections = {
  papers: defineCollection({ loader: papersLoader(), schema: paperSchema() }),
};
