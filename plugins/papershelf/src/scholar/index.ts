// Citations and scholarly metadata: BibTeX entries and keys, Highwire tags, JSON-LD. Pure modules.
export { bibtexEntry, type BibtexContext } from './bibtex-entry.ts';
export { citationKeys, baseCitationKey, asciiWord, type KeyedPaper } from './citation-keys.ts';
export { escapeLatex, latexText, latexTitle } from './latex-text.ts';
export { highwireTags, scholarlyArticle, jsonForScript, type PageContext } from './paper-metadata.ts';
export { bibtexFileText } from './bibtex-file.ts';
