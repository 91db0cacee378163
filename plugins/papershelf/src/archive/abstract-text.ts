import { splitTex } from '../markdown/tex-segments.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A Markdown abstract as plain text with its formulas' TeX kept: Markdown
 * escapes and character references undone, autolinks unwrapped, lines
 * joined. What tag rules look in, and what feeds and exports carry.
 */
export function abstractText(markdownBody: string): string {
  const joined = markdownBody.trim().replace(/\s*\n\s*/g, ' ');
  return splitTex(joined)
    .map((segment) => (segment.type === 'math' ? segment.raw : plainMarkdownText(segment.value)))
    .join('');
}

function plainMarkdownText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d+);|&#x([0-9a-f]+);|&([a-z]+);/gi, (whole, dec?: string, hex?: string, name?: string) => {
      const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
      if (code === undefined) return entities[name!.toLowerCase()] ?? whole;
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
