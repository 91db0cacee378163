// Identifiers as readers paste them into the search box, read into one normal form; words stay words.
import { describe, expect, it } from 'vitest';
import { parseIdentifier } from '../../plugins/papershelf/src/search/paper-identifiers.ts';

describe('parseIdentifier', () => {
  it('reads every form of a new-style arXiv id as the id without version', () => {
    for (const query of [
      '1706.03762',
      '1706.03762v7',
      'arXiv:1706.03762',
      'arxiv: 1706.03762v2',
      ' https://arxiv.org/abs/1706.03762v2 ',
      'https://arxiv.org/pdf/1706.03762.pdf',
      'https://arxiv.org/html/1706.03762v7',
      'arXiv 1706.03762',
      'arxiv.org/abs/1706.03762',
      'www.arxiv.org/pdf/1706.03762v3',
      'https://huggingface.co/papers/1706.03762',
      'huggingface.co/papers/1706.03762',
      '10.48550/arXiv.1706.03762',
      'https://doi.org/10.48550/arXiv.1706.03762',
    ])
      expect(parseIdentifier(query), query).toEqual({ kind: 'arxiv', id: '1706.03762', file: 'arxiv-1706' });
  });

  it('reads old-style arXiv ids, as arXiv names them: without the subject class, so either form finds the paper', () => {
    expect(parseIdentifier('hep-th/9901001')).toEqual({ kind: 'arxiv', id: 'hep-th/9901001', file: 'arxiv-hep-th' });
    expect(parseIdentifier('math.GT/0309136v2')).toEqual({ kind: 'arxiv', id: 'math/0309136', file: 'arxiv-math' });
    expect(parseIdentifier('math/0309136')).toEqual(parseIdentifier('math.GT/0309136'));
  });

  it('reads a DOI, bare or as a URL, in lower case', () => {
    for (const query of [
      '10.1145/3442188.3445922',
      'doi:10.1145/3442188.3445922',
      'https://doi.org/10.1145/3442188.3445922',
      'https://dx.doi.org/10.1145/3442188.3445922',
      'doi.org/10.1145/3442188.3445922',
    ])
      expect(parseIdentifier(query), query).toEqual({ kind: 'doi', id: '10.1145/3442188.3445922', file: 'doi-10.1145' });
    expect(parseIdentifier('10.1109/CVPR52729.2023.00001')?.id).toBe('10.1109/cvpr52729.2023.00001');
  });

  it('leaves words, formulas and numbers that are not ids to the text search', () => {
    for (const query of [
      'attention is all you need',
      'O(n log n)',
      '2017',
      '1706',
      'see 1706.03762',
      '1706.03762 attention',
      '10.5 GHz',
      'arxiv transformers',
    ])
      expect(parseIdentifier(query), query).toBeUndefined();
  });
});
