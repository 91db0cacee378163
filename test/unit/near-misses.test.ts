// Results Pagefind gives for a word it cannot find, matched by a shorter prefix, are told apart from real matches.
import { describe, expect, it } from 'vitest';
import { matchedWords, oneSlipAway, nearMissWords, withoutLoneCharacters } from '../../plugins/papershelf/src/client/near-misses.ts';

describe('near misses', () => {
  it('reads the matched words of a result, without punctuation, and a hyphenated or camel-case word also as its parts', () => {
    expect(matchedWords('We extend LongLoRA.', [2])).toEqual(['longlora', 'long', 'lo', 'ra']);
    expect(matchedWords('Attention, please! We re-identify (people) at scale.', [0, 3, 4, 5])).toEqual([
      'attention',
      're-identify',
      're',
      'identify',
      'people',
      'at',
    ]);
  });

  it('finds the words that only a short prefix matched: typos and words found nowhere', () => {
    expect(nearMissWords('atention', ['at', 'at'])).toEqual(['atention']);
    expect(nearMissWords('retreival', ['re', 'identification'])).toEqual(['retreival']);
    expect(nearMissWords('Wenhao Wu', ['we', 'wu'])).toEqual(['wenhao']);
    expect(nearMissWords('sparse atention', ['sparse', 'at'])).toEqual(['atention']);
    // A short word: the fallback gives its first letters, here a part of a camel-case word.
    expect(nearMissWords('RAG', matchedWords('We extend LongLoRA and LoRA.', [2, 4]))).toEqual(['rag']);
    expect(nearMissWords('PPO', ['1.4pp'])).toEqual(['ppo']);
    expect(nearMissWords('KV cache', ['key', 'caches'])).toEqual(['kv']);
    // A longer word that only a short word it starts with matched: "pro" of "MMLU-Pro" is no match for "protein".
    expect(nearMissWords('protein', matchedWords('scores on MMLU-Pro', [2]))).toEqual(['protein']);
    expect(nearMissWords('protein folding', ['pro', 'folding'])).toEqual(['protein']);
  });

  it('takes stems, prefixes, short words, numbers, formulas and quoted phrases as matched', () => {
    expect(nearMissWords('hallucinations', ['hallucination'])).toEqual([]);
    expect(nearMissWords('atten', ['attention'])).toEqual([]);
    expect(nearMissWords('Schrodinger', ['schrödinger'])).toEqual([]);
    expect(nearMissWords('KV cache', ['kv', 'caches'])).toEqual([]);
    expect(nearMissWords('LLM RL', ['llms', 'rlhf'])).toEqual([]);
    expect(nearMissWords('learning models', ['learn', 'model'])).toEqual([]);
    expect(nearMissWords('LoRA', matchedWords('We extend LongLoRA and LoRA.', [4]))).toEqual([]);
    // A hyphenated word, written either way.
    expect(nearMissWords('multi-modal', ['multimodal'])).toEqual([]);
    expect(nearMissWords('non-causal', ['noncausal'])).toEqual([]);
    expect(nearMissWords('bilevel', ['bi-level', 'bi', 'level'])).toEqual([]);
    expect(nearMissWords('reidentification', ['re-identification', 're', 'identification'])).toEqual([]);
    // But a hyphenated word's parts joined are no new prefix: "re-train" is no match for "retreival".
    expect(nearMissWords('retreival', ['re-train', 're', 'train'])).toEqual(['retreival']);
    expect(nearMissWords('x-ray', ['x'])).toEqual(['x-ray']);
    expect(nearMissWords('top-k', ['top-k', 'top', 'k'])).toEqual([]);
    expect(nearMissWords('O(n^2) 2024', ['o(n²)'])).toEqual([]);
    // A formula's key is no word the reader typed: `QK^T` is sent as `qkt`, which the index has as `qk` and `t`.
    expect(nearMissWords('qkt', ['qk'], 'QK^T')).toEqual([]);
    expect(nearMissWords('"long context"', ['long'])).toEqual([]);
    expect(nearMissWords('注意力机制', ['注意力机制是'])).toEqual([]);
  });
});

describe('withoutLoneCharacters', () => {
  it('leaves out words of one letter or digit, but not a quoted phrase or a character of an unspaced script', () => {
    expect(withoutLoneCharacters('T log T')).toBe('log');
    expect(withoutLoneCharacters('n log n')).toBe('log');
    expect(withoutLoneCharacters('a')).toBe('');
    expect(withoutLoneCharacters('GPT 4 and α')).toBe('GPT and');
    expect(withoutLoneCharacters('"a b"')).toBe('"a b"');
    expect(withoutLoneCharacters('注')).toBe('注');
    expect(withoutLoneCharacters('o3 x2')).toBe('o3 x2');
  });
});

describe('oneSlipAway', () => {
  it('spells a word with a letter doubled, two neighbours swapped or a letter left out, the doubled ones first', () => {
    const spellings = oneSlipAway('atention');
    expect(spellings).toContain('attention');
    expect(oneSlipAway('retreival')).toContain('retrieval');
    expect(oneSlipAway('attenntion')).toContain('attention');
    expect(spellings.indexOf('attention')).toBeLessThan(spellings.indexOf('taention'));
    expect(spellings).not.toContain('atention');
    expect(new Set(spellings).size).toBe(spellings.length);
  });
});
