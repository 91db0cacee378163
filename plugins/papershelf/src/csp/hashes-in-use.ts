// Astro's CSP lists, on every page, the hash of every script and stylesheet the site has: its files
// ('self' allows them already; a hash allows a file only with an `integrity` attribute, which Astro does not
// write) and inline elements of other pages. That is about 0.7 KB of every page. An archive page's policy keeps
// the hashes of its own inline elements and of files it loads with `integrity`, and those the site's config
// lists: what it allows is the same.

/** Hash sources (`'sha256-…'`) in a policy's script and style directives. */
const hashSource = /\s*'((sha256|sha384|sha512)-([A-Za-z0-9+/_-]+={0,2}))'/g;
const cspMeta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
// A comment first, so that a `<script>` written inside one is not taken for an element; then a script or style
// element (not `<script-loader>`), its attributes read quote by quote (`data-x="a>b"`).
const inlineElement = /<!--[\s\S]*?-->|<(script|style)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>/gi;
const integrityValue = /\sintegrity\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * The page with its CSP `<meta>` listing only the hashes it needs: of its
 * inline scripts and styles, of files it loads with `integrity`, and `kept`
 * (the site's own, from its config, as `sha256-…`). A directive with
 * `'strict-dynamic'`, `'unsafe-hashes'` or `'unsafe-inline'` is left whole
 * (there a hash stands for more, or dropping them all would let any inline
 * script run), and so is one that would be left with no source at all.
 */
export async function keepHashesInUse(html: string, kept: ReadonlySet<string> = new Set()): Promise<string> {
  const meta = cspMeta.exec(html);
  if (!meta || !/'sha(?:256|384|512)-/.test(meta[2]!)) return html;
  const loaded = new Set([...html.matchAll(integrityValue)].flatMap((m) => (m[1] ?? m[2] ?? '').split(/\s+/)));
  let inline: string[] | undefined;
  const digests = new Map<string, Set<string>>();
  const inUse = async (source: string, algorithm: string, hash: string) => {
    if (kept.has(source) || loaded.has(source)) return true;
    inline ??= inlineContents(html);
    let set = digests.get(algorithm);
    if (!set) digests.set(algorithm, (set = new Set(await Promise.all(inline.map((text) => digest(algorithm, text))))));
    return set.has(hash);
  };
  const directives = await Promise.all(
    meta[2]!.split(';').map(async (directive) => {
      if (!/^\s*(?:script|style)-src(?:-elem)?\s/.test(directive) || /'(?:strict-dynamic|unsafe-hashes|unsafe-inline)'/.test(directive))
        return directive;
      let trimmed = directive;
      for (const [written, source, algorithm, hash] of directive.matchAll(hashSource)) {
        if (!(await inUse(source!, algorithm!, hash!))) trimmed = trimmed.replace(written, '');
      }
      return /^\s*[\w-]+\s*$/.test(trimmed) ? directive : trimmed;
    }),
  );
  return `${html.slice(0, meta.index)}${meta[1]}${directives.join(';')}${meta[3]}${html.slice(meta.index + meta[0].length)}`;
}

/**
 * The text of every inline `<script>` and `<style>` the policy applies to: a
 * script with `src` has none that counts, and a data block (`application/json`, JSON-LD) is not
 * run, so no policy applies to it.
 */
function inlineContents(html: string): string[] {
  return [...html.matchAll(inlineElement)]
    .filter(([, tag, attributes]) => tag && (tag.toLowerCase() === 'style' || isInlineScript(attributes!)))
    .map((m) => m[3]!);
}

/** A script element whose own text runs: JavaScript (no type, a JavaScript type, `module`), an import map, speculation rules. */
function isInlineScript(attributes: string): boolean {
  if (/(?:^|\s)src\s*=/i.test(attributes)) return false;
  const type = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
  return value === '' || /^(?:module|importmap|speculationrules)$|(?:java|ecma|j|live)script/.test(value);
}

async function digest(algorithm: string, text: string): Promise<string> {
  const name = `SHA-${algorithm.slice(3)}`;
  const bytes = new Uint8Array(await crypto.subtle.digest(name, new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...bytes));
}
