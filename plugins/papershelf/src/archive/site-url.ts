/**
 * A path inside the site, with the base path in front (`/archive/` when the
 * site is built with `--base /archive/`). `base` is `import.meta.env.BASE_URL`.
 */
export function siteUrl(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}
