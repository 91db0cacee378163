import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { AstroConfig, ContentEntryType } from 'astro';
import type { LoaderContext } from 'astro/loaders';
import { isUnifiedProcessor, unified, type UnifiedProcessorOptions, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import { papershelfRehypePlugins, papershelfRemarkPlugins, pluginBrand, type MarkdownPipelineOptions } from '../markdown/pipeline.ts';
import type { ContentWorker } from './content-worker-client.ts';

type RenderFunction = Awaited<ReturnType<NonNullable<ContentEntryType['getRenderFunction']>>>;
type RenderedEntry = Awaited<ReturnType<RenderFunction>>;

/** What the content worker needs to render Markdown as the site's processor does: plain data only. */
export interface RenderSetup {
  /** What Astro hands every Markdown renderer: image settings, syntax highlighting, GFM, SmartyPants. */
  shared: { image: unknown; syntaxHighlight: unknown; shikiConfig: unknown; gfm: unknown; smartypants: unknown };
  /** The site's `unified()` options besides its plugins. */
  unified: { remarkRehype: UnifiedResolvedOptions['remarkRehype']; gfm: boolean | undefined; smartypants: UnifiedResolvedOptions['smartypants'] | undefined };
  /** The options our plugins were given (KaTeX macros, the root that failed formulas name files from). */
  pipeline: MarkdownPipelineOptions;
}

/**
 * How the worker can render the site's Markdown, or undefined when only the
 * main thread can. Plugins are functions, which cannot be sent to a worker,
 * so the worker rebuilds the pipeline from our own plugins: it renders only
 * for a site whose processor is `unified()` with exactly the plugins this
 * integration put in (configure-markdown.ts), in their order and with their
 * options, and whose other settings are plain data. A site with a remark or rehype plugin of
 * its own renders on the main thread, as before.
 */
export function renderSetupOf(config: AstroConfig, pipeline: MarkdownPipelineOptions): RenderSetup | undefined {
  const processor = config.markdown.processor;
  if (!processor || !isUnifiedProcessor(processor)) return undefined;
  const { remarkPlugins, rehypePlugins, remarkRehype, gfm, smartypants } = processor.options;
  if (!samePlugins(remarkPlugins, papershelfRemarkPlugins()) || !samePlugins(rehypePlugins, papershelfRehypePlugins(pipeline))) return undefined;
  const { markdown, image } = config;
  const setup: RenderSetup = {
    shared: { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants },
    unified: { remarkRehype, gfm, smartypants },
    pipeline,
  };
  try {
    // Shiki transformers, remark-rehype handlers and the like are functions: such a site renders on the main thread.
    structuredClone(setup);
    return setup;
  } catch {
    return undefined;
  }
}

/**
 * Whether a site's plugin list is ours: the same plugins, in order, with the
 * same options. A plugin is the same function, or one of ours by its brand
 * (a second copy of our module; see `pluginBrand`).
 */
function samePlugins(list: readonly unknown[], ours: readonly unknown[]): boolean {
  const split = (entry: unknown) => (Array.isArray(entry) ? [entry[0], JSON.stringify(entry.slice(1))] : [entry, '[]']);
  const brand = (plugin: unknown) => (typeof plugin === 'function' ? (plugin as { [pluginBrand]?: string })[pluginBrand] : undefined);
  return (
    list.length === ours.length &&
    list.every((entry, i) => {
      const [plugin, options] = split(entry);
      const [our, ourOptions] = split(ours[i]);
      return (plugin === our || (brand(plugin) !== undefined && brand(plugin) === brand(our))) && options === ourOptions;
    })
  );
}

/**
 * The renderer the worker uses: the site's `unified()` processor made again
 * from `setup`, called as Astro's Markdown content entry type calls it
 * (astro/dist/vite-plugin-markdown/content-entry-type.js in Astro 7.3).
 * Its results are used only once it has rendered the test paper as the main
 * thread does (see `workerEntryTypes`); the build test compares the content
 * store a sync writes with and without the worker, byte for byte.
 */
export async function workerRenderer(setup: RenderSetup): Promise<RenderFunction> {
  const processor = unified({
    remarkPlugins: papershelfRemarkPlugins(),
    rehypePlugins: papershelfRehypePlugins(setup.pipeline),
    // As the site's processor has them, unset ones included (`unified()` keeps them as given).
    ...(setup.unified as UnifiedProcessorOptions),
  });
  const renderer = await processor.createRenderer(setup.shared as Parameters<typeof processor.createRenderer>[0]);
  return async (entry) => {
    const result = await renderer.render(entry.body ?? '', {
      frontmatter: entry.data,
      ...(entry.filePath ? { fileURL: pathToFileURL(entry.filePath) } : {}),
    });
    return {
      html: result.code,
      metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) },
    };
  };
}

/**
 * A paper that uses what a site's pipeline does: headings, formulas (one
 * failing, one `\gdef`), code, a table, links, an image. Before the worker's
 * first rendering is used, it and the main thread each render this; they must
 * give the same result, else Markdown stays on the main thread. That guards
 * what `renderSetupOf` cannot see: another Astro version's Markdown entry
 * type, another copy of a plugin, settings a copy does not keep.
 */
const testPaper = {
  id: 'papershelf-test-paper',
  data: { title: 'A test paper', date: new Date(Date.UTC(2025, 7, 27)), tags: ['test'] },
  body: [
    '## Method',
    'Attention in $O(n \\log n)$ time, \\(\\gdef\\vv{\\mathbf{v}}\\vv\\) then $\\vv^\\top x$, and a failure: $\\frac{1}{$ and $\\softmx(x)$.',
    '$$\\sum_{i=1}^{n} \\alpha_i = 1$$',
    '```python\nprint("code")\n```',
    '| a | b |\n| - | - |\n| 1 | *2* |',
    '- [a link](https://arxiv.org/abs/2508.00001) and <kbd>html</kbd>\n- ![a figure](https://example.org/figure.png)',
  ].join('\n\n'),
};

/**
 * The load context's entry types with Markdown rendered on the content worker
 * when it runs and has rendered the test paper as this thread does, else by
 * Astro's own render function on this thread. Astro 7 hands the glob loader
 * the render functions in its context's `entryTypes` (which `LoaderContext`'s
 * type does not name); without them, nothing changes. `onDiffers` is told
 * when the worker's rendering was not used.
 */
export function workerEntryTypes(
  context: LoaderContext,
  worker: ContentWorker,
  onDiffers: () => void,
): { entryTypes?: Map<string, ContentEntryType> } {
  const { entryTypes } = context as LoaderContext & { entryTypes?: unknown };
  const markdown = entryTypes instanceof Map ? (entryTypes.get('.md') as ContentEntryType | undefined) : undefined;
  if (!markdown?.getRenderFunction) return {};
  const getHere = markdown.getRenderFunction.bind(markdown);
  const types = new Map(entryTypes as Map<string, ContentEntryType>);
  return {
    entryTypes: types.set('.md', {
      ...markdown,
      async getRenderFunction(config) {
        // Made here, as Astro makes it: a renderer that cannot be made stops the sync, as it always has.
        const here = await getHere(config);
        let trusted: Promise<boolean> | undefined;
        const sameOnBothThreads = async () => {
          const [there, mine] = await Promise.all([worker.ask<RenderedEntry>({ kind: 'render', entry: testPaper }, { now: true }), here(testPaper)]);
          const same = there !== undefined && isDeepStrictEqual(there, mine);
          if (!same && there !== undefined) onDiffers();
          return same;
        };
        return async (entry) => {
          const task = { kind: 'render', entry: { data: entry.data, body: entry.body ?? '', filePath: entry.filePath } } as const;
          const answer = await worker.ask<RenderedEntry>(task);
          return answer !== undefined && (await (trusted ??= sameOnBothThreads())) ? answer : here(entry);
        };
      },
    }),
  };
}
