import { z } from 'astro/zod';

/**
 * The components a site can replace (`components` option), each with the
 * archive's own. Pages import each from `virtual:papershelf/components/<Name>`.
 */
export const componentDefaults = {
  /** The page frame: `title`, `description?`, `searchBox?`, `runsSearch?`, `wide?`, `feedLinks?`; slots: default, `head`. */
  Layout: 'astro-papershelf/components/Layout.astro',
  /** The header: `searchBox?`. */
  SiteHeader: 'astro-papershelf/components/SiteHeader.astro',
  /** The footer: no props. */
  SiteFooter: 'astro-papershelf/components/SiteFooter.astro',
  /** A paper in a listing: `paper` (Paper), `level?` (2 | 3). */
  PaperCard: 'astro-papershelf/components/PaperCard.astro',
  /** The head of a paper page: `paper` (Paper), `tagsById` (Map of Tag). */
  PaperHeader: 'astro-papershelf/components/PaperHeader.astro',
} as const;

/** The name of a replaceable component. */
export type ComponentName = keyof typeof componentDefaults;
const componentNames = Object.keys(componentDefaults) as ComponentName[];
/** Where an archive keeps its data, relative to the site's root. */
export interface ArchivePaths {
  /** Folder of paper files, one `.md` or `.mdx` a paper. Default `content/papers`. */
  papers: string;
  /** The tag vocabulary. Default `content/tags.yml`. */
  tags: string;
}

/** The one place the default paths are written down (the CLI's `--papers` and `--tags` default to the site's). */
export const defaultPaths: Readonly<ArchivePaths> = Object.freeze({
  papers: 'content/papers',
  tags: 'content/tags.yml',
});

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
        /** Papers in the archive's feeds (`/rss.xml`, `/atom.xml`), newest first. Default 50. */
        items: z.number().int().positive().default(50),
        /**
         * Papers in each tag's feed (`/tags/<slug>/rss.xml`), newest first. Default 20: a tag gains a
         * few papers a day where the archive gains dozens, so 20 reach back days as the archive's 50
         * do, and a site with hundreds of tags does not write 50 abstracts into every one of them.
         */
        tagItems: z.number().int().positive().default(20),
      })
      .prefault({}),
    search: z
      .strictObject({
        /**
         * Bundle Pagefind's result fragments into at most this many files, for
         * hosts that limit the number of files. Default: one file a paper up to
         * 1,000 papers, then at most the larger of 1,000 and a quarter of the
         * papers, so the index does not add a file a paper. `false`: one file a
         * paper however many there are, for a host with no limit on files: a
         * search then fetches less (see `fragmentFiles`).
         */
        maxFragments: z.union([z.number().int().positive(), z.literal(false)]).optional(),
        /**
         * The Pagefind bundles of other Papershelf builds on the same site to search
         * with this one (`['/2024/pagefind/']`): an archive split by year into builds
         * under their own base paths is searched as one from each build's search
         * page (the site's CSP lets the page fetch only from its own origin). Default none.
         */
        mergeIndexes: z
          .array(
            z.string().regex(/^\/(?:[^\s?#]*\/)?pagefind\/$/, {
              error: "must be the path of another build's Pagefind folder on the same site, such as `/2024/pagefind/`",
            }),
          )
          .default([]),
      })
      .prefault({}),
    /**
     * A path in front of every page the integration adds, e.g. `/papers` puts the
     * home page at `/papers/` and tags at `/papers/tags/` (the 404 page, favicon,
     * robots.txt and the search index stay at the site's root). Default none.
     */
    routePrefix: z
      .string()
      .regex(/^(?:\/[A-Za-z0-9._~-]+)*\/?$|^$/, {
        error: 'must be a path such as `/papers` (letters, digits, `.`, `_`, `~`, `-` between slashes)',
      })
      .default(''),
    /** Parts of the archive to build; each is on unless set to false. */
    features: z
      .strictObject({
        /** The home page (the newest day). Off: the site's own `src/pages/index.astro` is the home page. */
        home: z.boolean().default(true),
        /** The Pagefind index, the search page and the header's search box. */
        search: z.boolean().default(true),
        /** RSS/Atom feeds and the subscribe page (they also need `site`). */
        feeds: z.boolean().default(true),
        /** Day, week and month pages, the index of every paper, and /arxiv/ redirects. */
        archive: z.boolean().default(true),
        /** Related papers on each paper page. */
        related: z.boolean().default(true),
        /** Author pages and links from author names. */
        authors: z.boolean().default(true),
        /**
         * A `.bib` and a `.json` file for each paper (`/papers/<slug>.bib`, `.json`). Off by default:
         * they would be two files a paper more, and each says again what is already public — the
         * paper page shows its BibTeX (with Copy and Download buttons), `/papers.bib` holds every
         * paper, and so do the month files `/papers.json` lists.
         */
        paperFiles: z.boolean().default(false),
      })
      .prefault({}),
    /**
     * The site's own components in place of the archive's, as paths from the site
     * root, e.g. `{ PaperCard: './src/components/MyCard.astro' }`. Each receives the
     * props documented in the README.
     */
    components: z
      .strictObject(
        Object.fromEntries(componentNames.map((name) => [name, z.string().min(1).optional()])) as Record<
          ComponentName,
          z.ZodOptional<z.ZodString>
        >,
      )
      .prefault({}),
    /**
     * Rebuild only what changed: turns on Astro's `experimental.incrementalBuild`, and every archive
     * page tells Astro what it shows, so a page is restored from the last build while that is the
     * same. `astro build --force` renders everything once. Default true.
     */
    incrementalBuild: z.boolean().default(true),
    /**
     * Papers an author needs for a page of their own (default 2). Most authors of a daily archive
     * have one paper: they are found by search and listed, with a link to their paper, on their
     * letter's page (`/authors/letter/k/`), so the site does not grow by a page per name. 1: a page
     * for every author.
     */
    authorPageMinPapers: z.number().int().min(1).default(2),
    /**
     * How `/arxiv/<id>/` leads to a paper: `pages` (default) writes a small redirect page per id,
     * which works on every host; `redirects-file` writes the rules into one `_redirects` file
     * instead, two rules an id (with and without the trailing slash), a file fewer a paper: Netlify,
     * which recommends wildcards for 10,000 redirects or more, and Cloudflare Pages, which reads at
     * most 2,000; both read it only at the root of what they publish. `none` writes neither.
     */
    arxivRedirects: z.enum(['pages', 'redirects-file', 'none']).default('pages'),
    /** The site's name, shown in the header and page titles. Default `Papershelf`. */
    title: z.string().min(1).default('Papershelf'),
    /**
     * One line that says what the site is, shown under its title on the home page and used as
     * the home page's description for search engines and link previews. Default none.
     */
    description: z.string().min(1).optional(),
    /** Papers a day's page shows before it continues on the next; default the whole day. */
    dayPageSize: z.number().int().positive().optional(),
  })
  .prefault({});

/** What a site passes to `papershelf()`. */
export type PapershelfUserOptions = z.input<typeof optionsSchema>;
/** Options with every default filled in. */
export type PapershelfOptions = z.output<typeof optionsSchema>;
