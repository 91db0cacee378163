// Formulas as plain text a reader can read: `7\times` as `7×`, `O(n^2)` as `O(n²)`, `\mathcal{O}(n)` as `O(n)`.
// Where a page cannot render KaTeX (its <title>, meta tags, feeds, the search index and its results), a formula's
// TeX source would show as written; the common symbols have a Unicode form, and a command without one stays as it is.
import { decodeTextEscapes, splitTex } from '../markdown/tex-segments.ts';

const greek =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(' ');

/** Commands with a plain-text form: symbols as Unicode, operator names as their name, spacing as a space. */
const commands: Record<string, string> = {
  times: '×',
  cdot: '·',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  ll: '≪',
  gg: '≫',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  equiv: '≡',
  propto: '∝',
  pm: '±',
  mp: '∓',
  infty: '∞',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  cup: '∪',
  cap: '∩',
  sum: '∑',
  prod: '∏',
  int: '∫',
  partial: '∂',
  nabla: '∇',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  leftrightarrow: '↔',
  mapsto: '↦',
  forall: '∀',
  exists: '∃',
  top: '⊤',
  circ: '∘',
  star: '⋆',
  ell: 'ℓ',
  emptyset: '∅',
  varepsilon: 'ε',
  varphi: 'φ',
  vartheta: 'ϑ',
  sqrt: '√',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  quad: ' ',
  qquad: ' ',
  '%': '%',
  '&': '&',
  '#': '#',
  $: '$',
  _: '_',
  '{': '{',
  '}': '}',
  // A norm, `\|x\|_2` (and its named forms), and an absolute value's bars.
  '|': '‖',
  Vert: '‖',
  lVert: '‖',
  rVert: '‖',
  vert: '|',
  lvert: '|',
  rvert: '|',
  mid: '|',
};
// α…ω (ς, the final sigma, sits between ρ and σ), and the capitals TeX names, those unlike a Latin letter.
greek.forEach((name, i) => (commands[name] = String.fromCodePoint(0x3b1 + (i < 17 ? i : i + 1))));
Object.assign(commands, {
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
});
/** TeX's function names (`\log`, `\max`), set upright as words. */
export const texFunctionNames: readonly string[] = 'log ln exp sin cos tan max min arg lim det dim sup inf mod'.split(' ');
for (const name of texFunctionNames) commands[name] = name;

const superscripts: Record<string, string> = {
  ...digitsFrom('⁰¹²³⁴⁵⁶⁷⁸⁹'),
  ...lettersFrom('abcdefghijklmnoprstuvwxyz', 'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'),
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  T: 'ᵀ',
  '*': '*',
  '\u2032': '′',
};
const subscripts: Record<string, string> = {
  ...digitsFrom('₀₁₂₃₄₅₆₇₈₉'),
  '+': '₊',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  n: 'ₙ',
  t: 'ₜ',
  m: 'ₘ',
  p: 'ₚ',
  s: 'ₛ',
  x: 'ₓ',
  e: 'ₑ',
  o: 'ₒ',
  a: 'ₐ',
  h: 'ₕ',
  l: 'ₗ',
  r: 'ᵣ',
  u: 'ᵤ',
  v: 'ᵥ',
};
const doubleStruck: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', E: '𝔼', P: 'ℙ' };

function digitsFrom(glyphs: string): Record<string, string> {
  return lettersFrom('0123456789', glyphs);
}

function lettersFrom(letters: string, glyphs: string): Record<string, string> {
  const shapes = [...glyphs];
  return Object.fromEntries([...letters].map((letter, i) => [letter, shapes[i]!]));
}

// `\mathcal{O}`, `\text{softmax}`: the style goes, the argument stays.
const styled =
  /\\(?:math(?:rm|bf|it|sf|tt|cal|scr|frak|bb)|boldsymbol|bm|text(?:rm|bf|it|sf|tt|normal)?|operatorname\*?|mbox)\s*\{([^{}]*)\}/g;
// `\tilde{O}`, `\hat{y}`: one letter takes the accent as a combining mark (Õ, ŷ); a longer argument keeps the command.
const accented =
  /\\(hat|widehat|tilde|widetilde|bar|overline|vec|dot|ddot)\s*\{(\\?[A-Za-z]+)\}|\\(hat|tilde|bar|vec|dot|ddot)\s+([A-Za-z])(?![A-Za-z])/g;
const accentMarks: Record<string, string> = {
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  bar: '\u0304',
  overline: '\u0305',
  vec: '\u20d7',
  dot: '\u0307',
  ddot: '\u0308',
};
const sizing = /\\(?:left|right|[bB]ig+[lr]?|displaystyle|textstyle|scriptstyle|limits|nolimits)(?![a-zA-Z])/g;
const fraction = /\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;
const root = /\\sqrt\s*\{([^{}]*)\}/g;
// `^2`, `^{-1}`, `_i`, `_{t+1}`: a bare one only where a single letter or digit ends it, so `snake_case` is text.
const script = /([\^_])(?:\{([^{}]*)\}|([A-Za-z0-9])(?![A-Za-z]))/g;
const command = /\\([a-zA-Z]+|[^a-zA-Z\s])/g;

/** Whether text holds TeX at all: a command, or a superscript or subscript as TeX writes one. */
function hasTex(text: string): boolean {
  return /\\[a-zA-Z%&#$_{},;:!]|[\^_](?:\{|[A-Za-z0-9](?![A-Za-z]))/.test(text);
}

/** `7\times` → `7×`, `O(n^{2})` → `O(n²)`, `\mathbb{R}^d` → `ℝᵈ`; text without TeX is returned as it is. */
export function readableTex(text: string): string {
  if (!hasTex(text)) return text;
  // Word by word, as a search index splits text: an address (`…/model_v2`) is not a formula.
  return text
    .split(/(\s+)/)
    .map((word) => (/:\/\/|^www\./i.test(word) || !hasTex(word) ? word : readableWord(word)))
    .join('');
}

function readableWord(word: string): string {
  return (
    word
      .replace(/\\mathbb\s*\{([A-Z])\}/g, (whole, letter: string) => doubleStruck[letter] ?? whole)
      .replace(styled, '$1')
      .replace(sizing, '')
      .replace(
        accented,
        (whole, name: string | undefined, letter: string | undefined, bare: string | undefined, bareLetter: string | undefined) => {
          const base = (letter ?? bareLetter)!;
          const shown = base.startsWith('\\') ? commands[base.slice(1)] : base;
          return shown && [...shown].length === 1 ? `${shown}${accentMarks[(name ?? bare)!]}`.normalize('NFC') : whole;
        },
      )
      // Symbols first, so that a script holds them (`\ell_{\infty}` is `ℓ_∞`); a root waits for its argument's scripts.
      .replace(command, (whole, name: string) => (name === 'sqrt' ? whole : (commands[name] ?? whole)))
      .replace(script, (_, mark: string, group: string | undefined, single: string | undefined) => {
        const body = group ?? single!;
        const glyphs = [...body].map((c) => (mark === '^' ? superscripts : subscripts)[c]);
        if (body !== '' && glyphs.every(Boolean)) return glyphs.join('');
        return [...body].length === 1 || /^[\p{L}\p{N}]+$/u.test(body) ? `${mark}${body}` : `${mark}(${body})`;
      })
      .replace(root, (_, body: string) => `√${grouped(body)}`)
      .replace(fraction, (_, top: string, bottom: string) => `${grouped(top)}/${grouped(bottom)}`)
      .replace(command, (whole, name: string) => commands[name] ?? whole)
  );
}

/** A fraction's part or a root's argument: in brackets when it is more than one term (`(n+1)/2`, `√dₖ`). */
function grouped(part: string): string {
  return /^[\p{L}\p{N}\p{Lm}√\\]+$/u.test(part) ? part : `(${part})`;
}

/**
 * Text with formulas as a reader reads them where KaTeX cannot render
 * (`<title>`, meta tags, feeds, search results): `… in $O(n^2)$ time` as
 * `… in O(n²) time` (see `readableTex`); the text around them as written.
 */
export function texToReadableText(text: string): string {
  return splitTex(text)
    .map((s) => (s.type === 'math' ? readableTex(s.value) : decodeTextEscapes(s.value)))
    .join('');
}
