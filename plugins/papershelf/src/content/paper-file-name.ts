// File names in the papers folder that Astro's glob loader cannot make a page of: it stops the build, drops the
// paper with only a log line, or gives two files one address. `check` and the build say the same of each.
import { paperIdOf } from './paper-id.ts';

/**
 * The papers folder's files that are papers: `.md` and `.mdx` (and, to be
 * told to rename, `.MD`, `.markdown`), none in or named after `_` or `.`
 * (`_draft.md`, `._x.md`).
 */
export function isPaperFileName(pathInPapersFolder: string): boolean {
  return /\.(md|mdx|markdown)$/i.test(pathInPapersFolder) && !pathInPapersFolder.split(/[\\/]/).some((part) => part.startsWith('_') || part.startsWith('.'));
}

/** Why a paper file cannot be built as named, with the fix; undefined when it can. */
export function fileNameProblem(pathInPapersFolder: string): string | undefined {
  const parts = pathInPapersFolder.split(/[\\/]/);
  const name = parts.at(-1)!;
  if (parts.length > 1)
    return `is in a folder of the papers folder, and a paper's address is its file name alone; move it into the papers folder itself (a folder whose name starts with \`_\` keeps its files out)`;
  const extension = /\.[^.]+$/.exec(name)![0];
  if (extension !== '.md' && extension !== '.mdx')
    return `ends in \`${extension}\`, which the build does not read; rename it to end in \`.md\` (or \`.mdx\`)`;
  const unreadable = [...new Set(name.match(/[#?%]/g) ?? [])];
  if (unreadable.length > 0)
    return `has ${unreadable.map((c) => `\`${c}\``).join(' and ')} in its name, which the build reads as part of a web address and then cannot find the file; rename it without ${unreadable.length > 1 ? 'them' : 'it'}`;
  if (name !== name.normalize('NFC'))
    return `has a letter written as a letter and a combining accent in its name (as macOS may save \`é\`), which the build cannot make an address of; rename it, typing the accented letter`;
  if (paperIdOf(name) === '')
    return `has no letter or digit in its name, so its page would have no address; rename it (the name is the address: \`my-paper.md\` is \`/papers/my-paper/\`)`;
  return undefined;
}
