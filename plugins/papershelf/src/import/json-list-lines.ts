import { lineLocator } from './import-result.ts';

/**
 * The 1-based line where each item of a top-level JSON list starts, so a
 * message can point at an item (`JSON.parse` gives values, not positions).
 * A scan that skips strings and counts brackets; meant for text that parsed.
 */
export function jsonListItemLines(text: string): number[] {
  const lineAt = lineLocator(text);
  const lines: number[] = [];
  let depth = 0;
  let inString = false;
  let expectingItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectingItem && !/[\s,\]]/.test(c)) {
      lines.push(lineAt(i));
      expectingItem = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1) expectingItem = c === '[';
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expectingItem = true;
  }
  return lines;
}

/**
 * The line of a `JSON.parse` error: V8 names the line or position of most
 * errors, but for an unexpected token it quotes the text around it instead
 * (`..."<10 characters before>x<after>"...`), which is found in the text; else 1.
 */
export function jsonErrorLine(text: string, message: string): number {
  const line = /\bline (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /\bposition (\d+)/.exec(message);
  if (position) return lineLocator(text)(Number(position[1]));
  const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const start = quoted ? text.indexOf(quoted[3]!) : -1;
  if (!quoted || start === -1) return 1;
  return lineLocator(text)(start + (quoted[2] ? 10 : Math.max(0, quoted[3]!.indexOf(quoted[1]!))));
}
