// Token names shared by the TeX math constructs and their mdast handlers.
declare module 'micromark-util-types' {
  interface TokenTypeMap {
    texMathInline: 'texMathInline';
    texMathDisplay: 'texMathDisplay';
    texMathMarker: 'texMathMarker';
    texMathData: 'texMathData';
    texMathUnclosed: 'texMathUnclosed';
  }
}

/** Character codes the math constructs look for. */
export const code = {
  backslash: 92,
  dollar: 36,
  leftParen: 40,
  rightParen: 41,
  leftBracket: 91,
  rightBracket: 93,
  space: 32,
  tab: 9,
  digit0: 48,
  digit9: 57,
} as const;
