import type { Paper } from '../paper/paper.ts';

// Paper identifiers as readers paste them into the search box (`1706.03762v7`, `arXiv:1706.03762`, an arXiv or
// doi.org URL, `hep-th/9901001`, `10.1000/xyz`), in one normal form shared by the build, which writes the map of
// ids to papers, and the search page, which looks a query up in it.

/** An identifier found in a query, in normal form, and the file of the id map that holds it. */
export interface PaperIdentifier {
  kind: 'arxiv' | 'doi';
  /** arXiv: the id without version (`1706.03762`, `hep-th/9901001`); DOI: lower case (DOIs ignore case). */
  id: string;
  /** The id map's file for this id, without `.json`: `arxiv-1706`, `arxiv-hep-th`, `doi-10.1000`. */
  file: string;
}

const arxivUrl = String.raw`(?:arxiv:\s*|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/)?`;
const newArxiv = new RegExp(String.raw`^${arxivUrl}(\d{4})\.(\d{4,5})(?:v\d+)?(?:\.pdf)?/?$`, 'i');
const oldArxiv = new RegExp(String.raw`^${arxivUrl}([a-z-]+)(?:\.[a-z]{2})?/(\d{7})(?:v\d+)?(?:\.pdf)?/?$`, 'i');
const doi = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9})\/(\S+)$/i;

/** The identifier a whole query is, or undefined when it is words to search for. */
export function parseIdentifier(query: string): PaperIdentifier | undefined {
  const text = query.trim();
  let match = newArxiv.exec(text);
  if (match) return { kind: 'arxiv', id: `${match[1]}.${match[2]}`, file: `arxiv-${match[1]}` };
  match = oldArxiv.exec(text);
  if (match) {
    const archive = match[1]!.toLowerCase();
    const subject = /\.([a-z]{2})\//i.exec(text)?.[1];
    return { kind: 'arxiv', id: `${archive}${subject ? `.${subject.toUpperCase()}` : ''}/${match[2]}`, file: `arxiv-${archive}` };
  }
  match = doi.exec(text);
  if (match) return { kind: 'doi', id: `${match[1]}/${match[2]}`.toLowerCase(), file: `doi-${match[1]}` };
  return undefined;
}

/** Where an identifier leads outside the archive, for one the archive does not have. */
export function identifierHome(identifier: PaperIdentifier): { label: string; href: string } {
  return identifier.kind === 'arxiv'
    ? { label: 'Open it on arXiv', href: `https://arxiv.org/abs/${identifier.id}` }
    : { label: 'Open it at doi.org', href: `https://doi.org/${identifier.id}` };
}

/** One entry of an id map file: the paper's address and its title as text. */
export type IdentifierTarget = [href: string, title: string];

/** The id map files of an archive: file name → id → the paper it leads to (`paperHref`: a paper's address by slug). */
export function identifierFiles(
  papers: readonly Paper[],
  paperHref: (slug: string) => string,
): Map<string, Record<string, IdentifierTarget>> {
  const files = new Map<string, Record<string, IdentifierTarget>>();
  for (const paper of papers) {
    for (const value of [paper.data.arxiv, paper.data.doi]) {
      const identifier = value === undefined ? undefined : parseIdentifier(value);
      if (!identifier) continue;
      let entries = files.get(identifier.file);
      if (!entries) files.set(identifier.file, (entries = {}));
      entries[identifier.id] = [paperHref(paper.slug), paper.titleText];
    }
  }
  return files;
}
