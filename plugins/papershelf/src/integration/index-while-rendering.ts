import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { join, sep } from 'node:path';
import { buildSearchIndex, fragmentFiles, type SearchIndexSummary } from '../search/build-search-index.ts';
import { pageFile, requestedPageFile } from '../links/page-file.ts';
import type { LinkSettings } from '../links/site-links.ts';
import { paperPagesFolder } from './paper-pages-folder.ts';
import { dropCopiesExcept, dropUnvouchedCopies, writeCopy, type CopyMadeWhileRendering } from './search-input-mirror.ts';
import { fieldsByPageFile } from './search-fields-file.ts';

/** Pages rendered before the search fields that are kept for their copies: a few, as the fields are rendered first. */
const maxWaiting = 64;

/** Pagefind's run begun while Astro rendered the rest of the site: what it wrote, or why it failed. */
export type EarlyRun = { summary: SearchIndexSummary; seconds: number } | { error: unknown };

/** What the build's search step takes over from the indexing begun while pages were rendered. */
export interface EarlyIndexing {
  /** The copies Pagefind reads, made as the pages under the paper folder were rendered, by their file in dist/. */
  copies: ReadonlyMap<string, CopyMadeWhileRendering>;
  /** Pagefind's run, begun once every page under the paper folder was rendered; none when some were not (restored ones). */
  run: Promise<EarlyRun> | undefined;
}

export interface IndexWhileRenderingSettings {
  /** The build's output folder and the kept folder of copies Pagefind reads (see search-input-mirror.ts). */
  dist: string;
  mirror: string;
  links: LinkSettings;
  /** The search-fields route's pattern, as Astro's route data gives it (`/_papershelf/search-fields.json`). */
  fieldsRoute: string;
  /** The site's `search.maxFragments` option. */
  maxFragments: number | false | undefined;
}

/**
 * Pagefind indexes the paper pages while Astro renders the rest of the site.
 * Its step used to wait for every page (at 10,000 papers: 13 s of copies and
 * indexing after 40 s of rendering, on a machine with a second core idle all
 * the while). Astro's prerenderer is wrapped so that it renders the search
 * fields and then every page under the paper folder first, and writes each
 * page's copy for Pagefind (search-input-mirror.ts) as it is rendered; once
 * the last of them is rendered, Pagefind starts on the copies while the tag,
 * author and calendar pages are rendered. The copies and the index are those
 * the step after the build would make, byte for byte. When some of those
 * pages are not rendered (an incremental build restores them), Pagefind
 * waits for the build as before, and only the copies made count.
 */
export function indexWhileRendering(settings: IndexWhileRenderingSettings): {
  wrap: (prerenderer: AstroPrerenderer) => AstroPrerenderer;
  result: () => EarlyIndexing;
} {
  const { dist, mirror, links } = settings;
  const folder = paperPagesFolder(links);
  const site = join(mirror, 'site');
  const copies = new Map<string, CopyMadeWhileRendering>();
  // Pages rendered before the search fields were (see maxWaiting).
  const waiting: { file: string; body: Buffer }[] = [];
  let fields: Map<string, string> | undefined;
  let expected = 0;
  let run: Promise<EarlyRun> | undefined;

  // Astro's static paths have no base; the requests it renders them with have it.
  const fileOfPath = (pathname: string) => pageFile(pathname, { ...links, base: '/' });
  const fileOfRequest = (request: Request) => requestedPageFile(new URL(request.url).pathname, links);
  const underFolder = (path: PathWithRoute) => path.route.type === 'page' && fileOfPath(path.pathname).startsWith(folder);
  const copy = (file: string, body: Buffer) => {
    const page = file.split('/').join(sep);
    copies.set(page, { ...writeCopy(body.toString('utf8'), join(site, page), fields!.get(file) ?? ''), rendered: body.length });
    // With no page to index, the search step after the build says so and writes no index.
    if (copies.size === expected && [...copies.values()].some((made) => made.copy !== null)) run = startPagefind();
  };
  const startPagefind = async (): Promise<EarlyRun> => {
    const started = performance.now();
    // Nothing may reject before the build's search step awaits the run: each error is kept for it to say.
    try {
      // Every page of the folder was just copied: any other copy is of a page this build no longer has.
      dropCopiesExcept(mirror, folder, copies);
      const papers = [...copies.values()].filter((made) => made.copy !== null).length;
      const options = { maxFragments: fragmentFiles(settings.maxFragments, papers), base: links.base };
      const summary = await buildSearchIndex(dist, options, { folder, mirror }, site, true);
      return { summary, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      return { error };
    }
  };

  return {
    wrap(prerenderer) {
      const { getStaticPaths, render } = prerenderer;
      prerenderer.getStaticPaths = async () => {
        const paths = await getStaticPaths.call(prerenderer);
        const fieldsPaths = paths.filter((path) => path.route.route === settings.fieldsRoute);
        const folderPaths = paths.filter((path) => path.route.route !== settings.fieldsRoute && underFolder(path));
        if (fieldsPaths.length !== 1 || folderPaths.length === 0) return paths;
        expected = folderPaths.length;
        dropUnvouchedCopies(mirror);
        const rest = paths.filter((path) => !fieldsPaths.includes(path) && !folderPaths.includes(path));
        return [...fieldsPaths, ...folderPaths, ...rest];
      };
      prerenderer.render = async (request, options) => {
        const result = await render.call(prerenderer, request, options);
        const route = options.routeData;
        if (expected === 0 || run) return result;
        const isFields = route.route === settings.fieldsRoute;
        const file = fileOfRequest(request);
        if (!isFields && !(route.type === 'page' && file.startsWith(folder))) return result;
        const response = result instanceof Response ? result : result.response;
        // Read once here and handed on whole: Astro writes the very bytes the copy was made of.
        const body = Buffer.from(await response.arrayBuffer());
        const again = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
        if (isFields) {
          const listed = JSON.parse(body.toString('utf8')) as [string, string][];
          fields = fieldsByPageFile(listed, links);
          for (const page of waiting.splice(0)) copy(page.file, page.body);
        } else if (fields) copy(file, body);
        else {
          waiting.push({ file, body });
          // The fields are rendered first, so only pages rendered at the same time wait; should more, something is
          // amiss, and the step after the build makes every copy instead.
          if (waiting.length > maxWaiting) {
            expected = 0;
            waiting.length = 0;
          }
        }
        return result instanceof Response ? again : { ...result, response: again };
      };
      return prerenderer;
    },
    result: () => ({ copies, run }),
  };
}
