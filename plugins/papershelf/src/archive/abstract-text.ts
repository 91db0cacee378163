import type { Nodes } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { splitTex } from '../markdown/tex-segments.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Markup the quick reading below would keep as characters: emphasis, code, links and images, strikethrough, HTML. */
const markup = /(?:^|[^\\])(?:[*_`~[]|<(?!(?:https?|mailto):))/m;

/**
 * A Markdown abstract as plain text with its formulas' TeX kept: markup
 * read as Markdown reads it (`**sparse**` is "sparse", `[the code](…)` is
 * "the code", `<i>` goes), escapes and character references undone,
 * autolinks unwrapped, lines joined. What tag rules look in, and what cards,
 * descriptions, feeds and exports carry.
 */
export function abstractText(markdownBody: string): string {
  return abstractParagraphs(markdownBody)
    .map((paragraph) =>
      splitTex(paragraph)
        .map((segment) => (segment.type === 'math' ? segment.raw : segment.value.replace(/\\\$/g, '$')))
        .join(''),
    )
    .join(' ');
}

/**
 * A Markdown abstract's paragraphs as text with formulas: each formula as
 * written (`$x^2$`, `\(x\)`), a dollar that is text as `\$`, so the text can
 * be split into text and formulas again (`splitTex`). A body without markup
 * outside its formulas (as imports write them: they escape it) is read the
 * quick way, by undoing escapes; one with markup is parsed as Markdown.
 */
export function abstractParagraphs(markdownBody: string): string[] {
  const body = markdownBody.trim();
  const hasMarkup = splitTex(body).some((segment) => segment.type === 'text' && markup.test(segment.value));
  return hasMarkup ? parsedParagraphs(body) : quickParagraphs(body);
}

function quickParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) =>
      splitTex(paragraph.replace(/\s*\n\s*/g, ' '))
        .map((segment) => (segment.type === 'math' ? segment.raw : plainMarkdownText(segment.value)))
        .join(''),
    )
    .filter((paragraph) => paragraph !== '');
}

function plainMarkdownText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
    .replace(/\\([!-#%-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d+);|&#x([0-9a-f]+);|&([a-z]+);/gi, (whole, dec?: string, hex?: string, name?: string) => {
      const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
      if (code === undefined) return entities[name!.toLowerCase()] ?? whole;
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

/** Each block of the parsed body as one paragraph of text: its words, its formulas as written, no markup. */
function parsedParagraphs(body: string): string[] {
  const tree = parseMarkdown(body);
  const textOf = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value.replace(/\$/g, '\\$');
      case 'inlineMath':
      case 'math':
        return node.position ? body.slice(node.position.start.offset, node.position.end.offset) : `$${node.value}$`;
      case 'html':
        return '';
      case 'break':
        return ' ';
      case 'image':
        return node.alt ?? '';
      default:
        return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join(node.type === 'list' ? ' ' : '') : '';
    }
  };
  return tree.children.map((block) => textOf(block).replace(/\s+/g, ' ').trim()).filter((paragraph) => paragraph !== '');
}
