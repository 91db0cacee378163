import type { Paper } from '../paper/paper.ts';
import { arxivBaseId, arxivIdOfDoi, parseArxivId, stripDoiResolver } from '../content/arxiv-id.ts';

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

// A DOI without its resolver: `10.<registrant>/<suffix>`.
const doi = /^(10\.\d{4,9})\/(\S+)$/;

/**
 * The identifier a whole query is, or undefined when it is words to search
 * for. arXiv ids are read as the importers read them (`parseArxivId`), after
 * the forms a reader pastes but a source never writes: an `/html/` URL, a
 * trailing slash, an archive name in capitals.
 */
export function parseIdentifier(query: string): PaperIdentifier | undefined {
  const text = query.trim();
  const arxiv =
    arxivIdOfDoi(text) ??
    parseArxivId(
      text
        // `arXiv 1706.03762`, an address without its scheme, a Hugging Face paper page: arXiv's forms.
        .replace(/^arxiv\s+(?=\S)/i, 'arXiv:')
        .replace(/^(?:https?:\/\/)?(?:www\.)?huggingface\.co\/papers\//i, '')
        .replace(/^(?:www\.|export\.)?arxiv\.org\//i, 'https://arxiv.org/')
        .replace(/^(https?:\/\/(?:www\.|export\.)?arxiv\.org\/)html\//i, '$1abs/')
        .replace(/\/$/, '')
        .replace(
          /(^|:\s*|\/)([A-Za-z-]+)(\.[A-Za-z]{2})?(?=\/\d{7})/,
          (_, before: string, archive: string, subject = '') => `${before}${archive.toLowerCase()}${subject.toUpperCase()}`,
        ),
    );
  if (arxiv) {
    const id = arxivBaseId(arxiv);
    return { kind: 'arxiv', id, file: `arxiv-${id.includes('/') ? id.split(/[./]/)[0] : id.slice(0, 4)}` };
  }
  const match = doi.exec(stripDoiResolver(text));
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
