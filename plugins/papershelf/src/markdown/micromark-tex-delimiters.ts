import type { Code, Construct, Effects, State, Token, TokenizeContext } from 'micromark-util-types';
import { code } from './micromark-tokens.ts';
import { mathContent } from './micromark-math-content.ts';

/**
 * LaTeX's own math delimiters in Markdown text: `\(…\)` is inline math and
 * `\[…\]` display math. CommonMark reads `\(` as an escaped `(`, so this
 * construct runs before the character escape; `\\(` stays an escaped
 * backslash (the escape takes both characters first) and code spans keep
 * their content. An opener with no closer in its paragraph is kept as the
 * literal text the author wrote, backslash included, so nothing vanishes.
 */
export const texDelimiters: Construct = {
  name: 'texDelimiters',
  tokenize(effects, ok, nok) {
    return effects.attempt(closedTexMath, ok, effects.attempt(unclosedTexOpener, ok, nok));
  },
};

const closedTexMath: Construct = { name: 'texDelimitersMath', tokenize: tokenizeClosedTexMath };
const unclosedTexOpener: Construct = { name: 'texDelimitersUnclosed', tokenize: tokenizeUnclosedOpener };

function tokenizeClosedTexMath(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let closeChar: number = code.rightParen;
  const closer: Construct = { partial: true, tokenize: tokenizeCloser };
  let math: Token;

  return start;

  function start(c: Code): State | undefined {
    math = effects.enter('texMathInline');
    effects.enter('texMathMarker');
    effects.consume(c);
    return open;
  }

  function open(c: Code): State | undefined {
    if (c !== code.leftParen && c !== code.leftBracket) return nok(c);
    if (c === code.leftBracket) {
      math.type = 'texMathDisplay';
      closeChar = code.rightBracket;
    }
    effects.consume(c);
    effects.exit('texMathMarker');
    return mathContent(effects, { closerStart: code.backslash, closer, mayClose: () => true }, close, nok);
  }

  function close(c: Code): State | undefined {
    effects.exit(math.type);
    return ok(c);
  }

  function tokenizeCloser(this: TokenizeContext, fx: Effects, closed: State, notCloser: State): State {
    return (c: Code) => {
      fx.enter('texMathMarker');
      fx.consume(c);
      return (next: Code) => {
        if (next !== closeChar) return notCloser(next);
        fx.consume(next);
        fx.exit('texMathMarker');
        return closed;
      };
    };
  }
}

function tokenizeUnclosedOpener(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (c: Code) => {
    effects.enter('texMathUnclosed');
    effects.consume(c);
    return (next: Code) => {
      if (next !== code.leftParen && next !== code.leftBracket) return nok(next);
      effects.consume(next);
      effects.exit('texMathUnclosed');
      return ok;
    };
  };
}
