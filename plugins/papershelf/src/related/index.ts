// Related papers from title and abstract (TF-IDF over words and bigrams, cosine), with the shared terms as the reason.
export { relatedPapers, type RelatedPaper, type RelatedInput, type RelatedOptions } from './related-papers.ts';
export { termsOf } from './terms.ts';
