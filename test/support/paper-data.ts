// A paper's parsed fields for unit tests: the required ones filled in, the rest as each test gives them.
import type { PaperData } from '../../plugins/papershelf/src/content/paper-schema.ts';

export const paperData = (fields: Partial<PaperData>): PaperData => ({
  title: 'T',
  authors: [],
  date: '2025-08-27',
  tags: [],
  draft: false,
  ...fields,
});
