// The letter bar of the index of titles: which letter a title is filed under, and the page each letter starts on.
import { describe, expect, it } from 'vitest';
import { titleLetter, titleLetters } from '../../plugins/papershelf/src/archive/title-letters.ts';
import type { Paper } from '../../plugins/papershelf/src/paper/paper.ts';

const paper = (titleText: string) => ({ titleText }) as Paper;

describe('titleLetter', () => {
  it('files a title under its first letter without accents, anything else under #', () => {
    expect(['attention', 'Émile’s model', 'Zebra', 'ßig', '3D scenes', '$O(n)$ attention', '“Quoted”', '大模型'].map(titleLetter)).toEqual([
      'A',
      'E',
      'Z',
      'S',
      '#',
      '#',
      '#',
      '#',
    ]);
  });
});

describe('titleLetters', () => {
  it('gives each letter the page its first title is on, in the order of the index', () => {
    const titles = ['3D', 'Alpha', 'Apple', 'Beta', 'Bravo', 'Charlie', 'Delta'].map(paper);
    expect(titleLetters(titles, 2)).toEqual([
      { letter: '#', page: 1 },
      { letter: 'A', page: 1 },
      { letter: 'B', page: 2 },
      { letter: 'C', page: 3 },
      { letter: 'D', page: 4 },
    ]);
    expect(titleLetters([], 2)).toEqual([]);
  });
});
