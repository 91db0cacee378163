/** One thing wrong with the vocabulary, at a line of its file when known. */
export interface VocabularyProblem {
  line?: number | undefined;
  message: string;
}

/** The vocabulary cannot be used: every problem found, each naming its tag. */
export class VocabularyError extends Error {
  readonly problems: readonly VocabularyProblem[];
  readonly file: string;

  constructor(file: string, problems: readonly VocabularyProblem[]) {
    const lines = problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    super(`The tag vocabulary ${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${lines.join('\n')}`);
    this.name = 'VocabularyError';
    this.problems = problems;
    this.file = file;
  }
}
