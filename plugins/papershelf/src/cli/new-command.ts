import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { papersFolderToWrite, readSiteOptions } from './site-options.ts';
import { titleSlug, uniqueSlug } from '../import/title-slug.ts';
import { today } from './today.ts';
import { checkDateFlag } from './date-flag.ts';
import { newPaperPlaceholder } from '../content/new-paper-placeholder.ts';
import { reservedSlugs } from '../content/validate-paper.ts';

/** The optional fields, each with an example, written as comments for the author to fill in. */
const optionalFields = [
  'authors: ["First Last", "Second Author"]',
  "published: 2024-05-06          # the paper's own date; 2024-05 or 2024 when no more is known",
  'arxiv: 2006.04768              # or 2006.04768v3, or math/0211159',
  'category: cs.CL                # arXiv primary category',
  'doi: 10.1234/abc',
  'venue: NeurIPS 2024',
  'journalRef: "J. Example 1 (2024)"',
  'comment: "12 pages, 4 figures"',
  'url: https://example.org/paper',
  'pdf: https://example.org/paper.pdf',
  'code: https://github.com/owner/repo',
  'projectPage: https://example.org/project',
  'organization: "Example Lab"',
  'summary: "One line on what the paper shows"   # beside the abstract, never instead of it',
  'withdrawn: 2025-08-28          # the day the paper was withdrawn; pages mark it',
  'tags: [reasoning]              # ids or aliases from content/tags.yml',
  'upvotes: 0',
  'rank: 1',
  'draft: true                    # keeps the paper out of the build',
];

/** `papershelf new "<title>"`: a paper file with today's date, the required fields filled and every other one commented. */
export async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { papers: { type: 'string' }, date: { type: 'string' } },
  });
  const title = positionals.join(' ').trim();
  if (!title) throw new Error('new needs a title: papershelf new "A Paper Title"');
  const date = values.date ?? today();
  checkDateFlag(date);
  const folder = resolve(papersFolderToWrite(process.cwd(), values.papers, await readSiteOptions(process.cwd())));
  // A name reserved for the archive's pages (`by-title`, `newest`) is never a paper's: the file gets the next free name, as an import's would.
  const path = join(folder, `${uniqueSlug(titleSlug(title), (name) => reservedSlugs.includes(name))}.md`);
  const shown = relative(process.cwd(), path);
  const content = [
    '---',
    stringify({ title, date }, { lineWidth: 0 }).trimEnd(),
    ...optionalFields.map((field) => `# ${field}`),
    '---',
    // An import fills in this placeholder, and only this, with the abstract it brings.
    newPaperPlaceholder,
    '',
  ].join('\n');
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(path, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`${shown} already exists; it was left as it is. Give the paper another title, or edit that file.`);
      return 1;
    }
    throw error;
  }
  console.log(`created ${shown}`);
  return 0;
}
