// What a site's `src/content.config.ts` imports: the loader and the schema of the `papers` collection.
export { papersLoader, type PapersLoaderOptions } from './papers-loader.ts';
export { paperSchema, paperFields, type PaperData, type PaperSchemaOptions } from './paper-schema.ts';
export { arxivBaseId, arxivIdPattern, parseArxivId, arxivMonth } from './arxiv-id.ts';
export { validatePaperFile, archiveProblems, formatProblem, sortProblems, reservedSlugs, type PaperProblem, type PaperValidation, type ValidateOptions } from './validate-paper.ts';
