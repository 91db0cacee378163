// The text of a file to import, however the tool that wrote it encoded it and ended its lines.

/** A file's text, with a note when its encoding had to be guessed. */
export interface ImportText {
  text: string;
  /** Said to the user, not an error: the file, or some of its lines, was not UTF-8 and was read as Windows-1252. */
  note?: string;
}

/**
 * Decodes a file for import: UTF-8 (with or without a byte order mark),
 * UTF-16 with its byte order mark, and, line by line, Windows-1252 (Latin-1
 * and the quotes Windows adds) where the bytes are not UTF-8, which old
 * BibTeX tools and Windows editors write: reading such a file as UTF-8 would
 * turn every accent into "�" without a word. A file of both (entries pasted
 * from two tools) keeps each line as it was written, and the note names the
 * lines read as Windows-1252. Line ends become `\n` (a BibTeX parser reads
 * `and\r\n` as part of a name), which keeps every line's number.
 */
export function importText(bytes: Uint8Array, shown: string): ImportText {
  const [b0, b1] = [bytes[0], bytes[1]];
  let text: string;
  let note: string | undefined;
  if (b0 === 0xff && b1 === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (b0 === 0xfe && b1 === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = utf8.decode(bytes);
    } catch {
      const decoded = decodeLines(bytes);
      text = decoded.text;
      note = decoded.utf8
        ? `note: \`${shown}\` mixes encodings: ${lineList(decoded.windows1252)} ${decoded.windows1252.length === 1 ? 'is' : 'are'} not UTF-8 and ${decoded.windows1252.length === 1 ? 'was' : 'were'} read as Windows-1252 (Latin-1), the rest as UTF-8: check the accents of the papers from ${decoded.windows1252.length === 1 ? 'that line' : 'those lines'}, or save the file as UTF-8 and import it again`
        : `note: \`${shown}\` is not UTF-8; it was read as Windows-1252 (Latin-1): check its accents in the papers written, or save it as UTF-8 and import it again`;
    }
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), ...(note && { note }) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * A file that is not UTF-8 as a whole, each line as UTF-8 when it is, else
 * as Windows-1252: the numbers of the lines read so, and whether any line
 * was UTF-8 beyond ASCII (which both read alike).
 */
function decodeLines(bytes: Uint8Array): { text: string; windows1252: number[]; utf8: boolean } {
  const lines: string[] = [];
  const fallback: number[] = [];
  let beyondAscii = false;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    try {
      lines.push(utf8.decode(line));
      if (line.some((byte) => byte >= 0x80)) beyondAscii = true;
    } catch {
      lines.push(windows1252.decode(line));
      fallback.push(lines.length);
    }
    start = end + 1;
  }
  return { text: lines.join('\n'), windows1252: fallback, utf8: beyondAscii };
}

/** "line 12", "lines 12 and 40", "lines 3, 5, 9 and 7 more". */
function lineList(numbers: number[]): string {
  if (numbers.length === 1) return `line ${numbers[0]}`;
  const shown = numbers.slice(0, 5);
  const more = numbers.length - shown.length;
  return more > 0 ? `lines ${shown.join(', ')} and ${more} more` : `lines ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
