import { optionsSchema, type PapershelfOptions } from '../options.ts';

/**
 * A custom integration hook (Astro calls only its own hooks, so this one is
 * inert) through which `papershelf()` hands its resolved options to whatever
 * reads the site's config: the papers loader in `load(context)` and the
 * `papershelf` command. No global state, and both see exactly what the build sees.
 */
export const optionsHook = 'papershelf:options';

declare global {
  // Astro's documented way to declare an integration's own hooks is to extend this global namespace.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Astro {
    interface IntegrationHooks {
      /** Returns the resolved options of `papershelf()`. */
      'papershelf:options': () => PapershelfOptions;
    }
  }
}

/**
 * The resolved options of the `papershelf()` integration among a config's
 * integrations (nested arrays and `false` entries allowed, as Astro allows),
 * or undefined when the site does not use it.
 */
export function papershelfOptionsOf(integrations: unknown): PapershelfOptions | undefined {
  const list = Array.isArray(integrations) ? (integrations.flat(Number.POSITIVE_INFINITY) as unknown[]) : [];
  for (const integration of list) {
    const hook = (integration as { hooks?: Record<string, unknown> } | null | undefined)?.hooks?.[optionsHook];
    if (typeof hook === 'function') return hook() as PapershelfOptions;
  }
  return undefined;
}

/** Every option at its default: what a site that does not configure the integration gets. */
export function defaultOptions(): PapershelfOptions {
  return optionsSchema.parse({});
}
