import { z } from 'astro/zod';
import { defaultPaths } from './defaults.ts';

/** `papershelf(options)`: every option, its meaning and default. Strict, so a typo fails the build. */
export const optionsSchema = z
  .strictObject({
    /** Where the archive's data lives, relative to the site root. */
    paths: z
      .strictObject({
        /** Folder of paper files. Default `content/papers`. */
        papers: z.string().min(1).default(defaultPaths.papers),
        /** The tag vocabulary. Default `content/tags.yml`. */
        tags: z.string().min(1).default(defaultPaths.tags),
      })
      .prefault({}),
    /**
     * Accept tags the vocabulary does not list: each becomes a free tag with a
     * generated label. Default false: an unknown tag stops the build with
     * "did you mean". A site without a vocabulary file always uses free tags.
     */
    freeTags: z.boolean().default(false),
    /** KaTeX macros for every formula of the site, e.g. `{ '\\R': '\\mathbb{R}' }`. Default none. */
    macros: z.record(z.string(), z.string()).default({}),
    math: z
      .strictObject({
        /** Fail the build when a formula cannot be rendered (for CI). Default false: report and show the source. */
        failOnError: z.boolean().default(false),
      })
      .prefault({}),
    feeds: z
      .strictObject({
        /** Papers in each feed (`/rss.xml`, `/atom.xml`, `/tags/<slug>/rss.xml`), newest first. Default 50. */
        items: z.number().int().positive().default(50),
      })
      .prefault({}),
    search: z
      .strictObject({
        /**
         * Bundle Pagefind's result fragments into at most this many files, for
         * hosts that limit the number of files. Default: one file a page.
         */
        maxFragments: z.number().int().positive().optional(),
      })
      .prefault({}),
    /** The site's name, shown in the header and page titles. Default `Papershelf`. */
    title: z.string().min(1).default('Papershelf'),
  })
  .prefault({});

/** What a site passes to `papershelf()`. */
export type PapershelfUserOptions = z.input<typeof optionsSchema>;
/** Options with every default filled in. */
export type PapershelfOptions = z.output<typeof optionsSchema>;
