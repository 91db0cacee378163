import { stringify } from 'yaml';
import type { ImportedPaper } from './imported-paper.ts';
import { textToMarkdown } from './text-to-markdown.ts';

const fieldOrder = [
  'title',
  'authors',
  'date',
  'published',
  'arxiv',
  'category',
  'doi',
  'venue',
  'journalRef',
  'comment',
  'url',
  'pdf',
  'code',
  'tags',
  'upvotes',
  'rank',
] as const;

/**
 * The Markdown file of an imported paper: YAML frontmatter in a fixed field
 * order (so a re-import produces the same bytes) and the abstract, escaped
 * so it renders as the text it was.
 */
export function paperFileContent(paper: ImportedPaper): string {
  const data: Record<string, unknown> = {};
  for (const field of fieldOrder) {
    const value = paper[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    data[field] = value;
  }
  const frontmatter = stringify(data, { lineWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${frontmatter}---\n${textToMarkdown(paper.abstract)}\n`;
}
