import type { Code, Construct, Effects, State, Token, TokenizeContext } from 'micromark-util-types';
import { markdownLineEndingOrSpace, asciiDigit } from 'micromark-util-character';
import { code } from './micromark-tokens.ts';
import { mathContent } from './micromark-math-content.ts';

/**
 * Dollar math in Markdown text with Pandoc's rule, so prices stay prices:
 * `$…$` opens only before a non-space and closes only after a non-space and
 * before a non-digit ("costs $5 and $10" is text); `$$…$$` is display math
 * anywhere in a paragraph. Block-level `$$` fences are remark-math's.
 */
export const dollarMath: Construct = {
  name: 'dollarMath',
  tokenize: tokenizeDollarMath,
  previous: notAfterDollar,
};

function notAfterDollar(this: TokenizeContext, c: Code): boolean {
  return c !== code.dollar || this.events.at(-1)?.[1].type === 'characterEscape';
}

function tokenizeDollarMath(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let math: Token;
  const singleCloser: Construct = { partial: true, tokenize: tokenizeSingleCloser };
  const doubleCloser: Construct = { partial: true, tokenize: tokenizeDoubleCloser };

  return start;

  function start(c: Code): State | undefined {
    math = effects.enter('texMathInline');
    effects.enter('texMathMarker');
    effects.consume(c);
    return afterFirstDollar;
  }

  function afterFirstDollar(c: Code): State | undefined {
    if (c === code.dollar) {
      math.type = 'texMathDisplay';
      effects.consume(c);
      effects.exit('texMathMarker');
      return mathContent(effects, { closerStart: code.dollar, closer: doubleCloser, mayClose: () => true }, close, nok);
    }
    effects.exit('texMathMarker');
    if (c === null || markdownLineEndingOrSpace(c)) return nok(c);
    return mathContent(effects, { closerStart: code.dollar, closer: singleCloser, mayClose: (afterSpace) => !afterSpace }, close, nok)(c);
  }

  function close(c: Code): State | undefined {
    effects.exit(math.type);
    return ok(c);
  }
}

/** A closing `$` that is not followed by a digit (Pandoc's rule). */
function tokenizeSingleCloser(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (c: Code) => {
    effects.enter('texMathMarker');
    effects.consume(c);
    effects.exit('texMathMarker');
    return (next: Code) => (next !== null && asciiDigit(next) ? nok(next) : ok(next));
  };
}

function tokenizeDoubleCloser(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (c: Code) => {
    effects.enter('texMathMarker');
    effects.consume(c);
    return (next: Code) => {
      if (next !== code.dollar) return nok(next);
      effects.consume(next);
      effects.exit('texMathMarker');
      return ok;
    };
  };
}
