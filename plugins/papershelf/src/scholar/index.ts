// Citations and scholarly metadata: BibTeX entries and keys, Highwire tags. Pure modules.
export { bibtexEntry, type BibtexContext } from './bibtex-entry.ts';
export { citationKeys, baseCitationKey, asciiWord, type KeyedPaper } from './citation-keys.ts';
export { escapeLatex, latexText, latexTitle } from './latex-text.ts';
export { highwireTags } from './paper-metadata.ts';
export { bibtexFileText } from './bibtex-file.ts';
