import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { isUnifiedProcessor, unified } from '@astrojs/markdown-remark';
import { papershelfRehypePlugins, papershelfRemarkPlugins } from '../markdown/pipeline.ts';
import type { PapershelfOptions } from '../options.ts';

/**
 * Puts the math pipeline into the site's Markdown processor. A site on
 * `unified()` gets our plugins added to its own; a site on Astro's default
 * processor (which runs no remark/rehype plugins and cannot render math) is
 * switched to `unified()`, and told so. SmartyPants is turned off either way:
 * it rewrites quotes and dashes, and a paper's text must stay as written.
 */
export function configureMarkdown(
  config: AstroConfig,
  updateConfig: (config: Partial<AstroConfig>) => unknown,
  options: PapershelfOptions,
  logger: AstroIntegrationLogger,
): void {
  const remarkPlugins = papershelfRemarkPlugins();
  const rehypePlugins = papershelfRehypePlugins({ macros: options.macros, root: fileURLToPath(config.root) });
  const processor = config.markdown.processor;
  if (processor && isUnifiedProcessor(processor)) {
    processor.options.remarkPlugins.push(...remarkPlugins);
    processor.options.rehypePlugins.push(...rehypePlugins);
    processor.options.smartypants = false;
    return;
  }
  logger.info(`Markdown: switched from the \`${processor?.name ?? 'default'}\` processor to \`unified()\`, which renders math with KaTeX.`);
  updateConfig({
    markdown: {
      ...config.markdown,
      processor: unified({ remarkPlugins, rehypePlugins, smartypants: false }),
    },
  });
}
