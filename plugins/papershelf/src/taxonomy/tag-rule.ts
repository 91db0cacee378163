/** A compiled `match` rule of a tag: the rule as written and the expression that finds it. */
export interface TagRule {
  /** The rule as written in the vocabulary. */
  source: string;
  pattern: RegExp;
}

/** The result of compiling one rule: the rule, or why it cannot be used. */
export type CompiledRule = { rule: TagRule } | { error: string };

const regexLiteral = /^\/(.+)\/([a-z]*)$/s;
/** A group with `+`, `*` or `{n,}` inside, itself repeated so: a regular expression whose failures take exponential time. */
const nestedRepetition = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})/;
const allowedFlags = new Set(['i', 'm', 's', 'u']);

/**
 * Compiles a `match` rule. `/source/flags` is a regular expression (flags
 * from `imsu`; Unicode mode is always on). Any other text is a phrase: whole
 * words, any case, spaces and hyphens interchangeable, and a plural `s` or
 * `es` on its last word, so "kv cache" finds "KV-caches".
 */
export function compileRule(source: string): CompiledRule {
  if (/^\/\/[a-z]*$/.test(source)) return { error: 'is an empty regular expression; write a phrase or a `/regular expression/`' };
  const literal = regexLiteral.exec(source);
  if (literal) {
    const flags = literal[2] ?? '';
    const bad = [...flags].filter((flag) => !allowedFlags.has(flag));
    if (bad.length > 0)
      return {
        error: `flag${bad.length > 1 ? 's' : ''} \`${bad.join('')}\` cannot be used; a rule takes only \`i\`, \`m\`, \`s\` and \`u\``,
      };
    let pattern: RegExp;
    try {
      pattern = new RegExp(literal[1]!, `${[...new Set(flags.replace('u', ''))].join('')}u`);
    } catch (error) {
      return { error: `is not a valid regular expression: ${(error as Error).message}` };
    }
    if (pattern.test(''))
      return { error: 'matches empty text, so it would tag every paper; make it need at least one character (`+` rather than `*`)' };
    if (nestedRepetition.test(literal[1]!))
      return {
        error:
          'repeats a group that repeats inside (`(\\w+\\s?)+`), which can take longer than the build on a text it does not match; repeat the group or what is inside it, not both',
      };
    return { rule: { source, pattern } };
  }
  const phrase = source.normalize('NFKC').trim();
  if (phrase === '') return { error: 'is empty; write a phrase or a `/regular expression/`' };
  return { rule: { source, pattern: phrasePattern(phrase) } };
}

/** Whether a rule as written is a `/regular expression/` rather than a phrase. */
export function isPatternRule(source: string): boolean {
  return regexLiteral.test(source);
}

/** Whether a compiled rule finds its phrase or expression in the text. */
export function ruleMatches(rule: TagRule, text: string): boolean {
  return rule.pattern.test(text);
}

function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .split(/[\s\-\u2010-\u2015]+/u)
    .filter(Boolean)
    .map(escapeRegex);
  const last = words.length - 1;
  if (/\p{L}$/u.test(phrase)) words[last] = `${words[last]}(?:e?s)?`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s\\-\\u2010-\\u2015]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
