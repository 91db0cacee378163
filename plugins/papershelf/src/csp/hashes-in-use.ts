// Astro's CSP lists, on every page, the hash of every script and stylesheet the site has: its files
// ('self' allows them already; a hash allows a file only with an `integrity` attribute, which Astro does not
// write) and inline elements of other pages. That is about 0.7 KB of every page. A page's policy keeps only the
// hashes of its own inline elements: what it allows is the same.

/** Hash sources (`'sha256-…'`) in a policy's script and style directives. */
const hashSource = /\s*'(sha256|sha384|sha512)-([A-Za-z0-9+/_-]+={0,2})'/g;
const cspMeta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const inlineElement = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

/**
 * The page with its CSP `<meta>` listing only the hashes of inline scripts
 * and styles it has. A directive with `'strict-dynamic'` or `'unsafe-hashes'`
 * is left whole: there a hash may stand for a script another one loads, or
 * for a style attribute.
 */
export async function keepHashesInUse(html: string): Promise<string> {
  const meta = cspMeta.exec(html);
  if (!meta || !/'sha(?:256|384|512)-/.test(meta[2]!)) return html;
  const inline = inlineContents(html);
  const digests = new Map<string, Set<string>>();
  const inUse = async (algorithm: string, hash: string) => {
    let set = digests.get(algorithm);
    if (!set) digests.set(algorithm, (set = new Set(await Promise.all(inline.map((text) => digest(algorithm, text))))));
    return set.has(hash);
  };
  const directives = await Promise.all(
    meta[2]!.split(';').map(async (directive) => {
      if (!/^\s*(?:script|style)-src(?:-elem)?\s/.test(directive) || /'(?:strict-dynamic|unsafe-hashes)'/.test(directive)) return directive;
      let kept = directive;
      for (const [source, algorithm, hash] of directive.matchAll(hashSource)) {
        if (!(await inUse(algorithm!, hash!))) kept = kept.replace(source, '');
      }
      return kept;
    }),
  );
  return `${html.slice(0, meta.index)}${meta[1]}${directives.join(';')}${meta[3]}${html.slice(meta.index + meta[0].length)}`;
}

/** The text of every inline `<script>` and `<style>` of the page (a script with `src` has none that counts). */
function inlineContents(html: string): string[] {
  return [...html.matchAll(inlineElement)]
    .filter(([, tag, attributes]) => tag!.toLowerCase() === 'style' || !/\bsrc\s*=/i.test(attributes!))
    .map((m) => m[3]!);
}

async function digest(algorithm: string, text: string): Promise<string> {
  const name = `SHA-${algorithm.slice(3)}`;
  const bytes = new Uint8Array(await crypto.subtle.digest(name, new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...bytes));
}
