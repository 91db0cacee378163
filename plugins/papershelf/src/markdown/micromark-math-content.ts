import type { Code, Construct, Effects, State } from 'micromark-util-types';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { code } from './micromark-tokens.ts';

/** How the content of one kind of math ends. */
export interface MathContentEnd {
  /** The first character of the closing delimiter. */
  closerStart: number;
  /** Tokenizes the whole closing delimiter, or fails where it is not one. */
  closer: Construct;
  /** Whether a closer may stand here, given whether the previous character was white space. */
  mayClose: (afterSpace: boolean) => boolean;
}

/**
 * Tokenizes math content up to its closing delimiter, shared by the `$` and
 * `\(`/`\[` constructs. A backslash always takes the next character with it,
 * so `\$` or `\\)` never close; reaching the end of the paragraph fails, and
 * the caller's opener is then read as text.
 */
export function mathContent(effects: Effects, end: MathContentEnd, done: State, nok: State): State {
  let afterSpace = false;
  return between;

  function between(c: Code): State | undefined {
    if (c === null) return nok(c);
    if (markdownLineEnding(c)) {
      effects.enter('lineEnding');
      effects.consume(c);
      effects.exit('lineEnding');
      afterSpace = true;
      return between;
    }
    if (c === end.closerStart && end.mayClose(afterSpace)) {
      return effects.attempt(end.closer, done, notACloser)(c);
    }
    effects.enter('texMathData');
    return data(c);
  }

  /** The character looked like a closer but is not one: it is math content. */
  function notACloser(c: Code): State | undefined {
    effects.enter('texMathData');
    return take(c);
  }

  function data(c: Code): State | undefined {
    if (c === null || markdownLineEnding(c) || (c === end.closerStart && end.mayClose(afterSpace))) {
      effects.exit('texMathData');
      return between(c);
    }
    return take(c);
  }

  function take(c: Code): State | undefined {
    const escape = c === code.backslash;
    afterSpace = markdownSpace(c);
    effects.consume(c);
    return escape ? escaped : data;
  }

  function escaped(c: Code): State | undefined {
    if (c === null || markdownLineEnding(c)) return data(c);
    afterSpace = false;
    effects.consume(c);
    return data;
  }
}
