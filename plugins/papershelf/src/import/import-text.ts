// The text of a file to import, however the tool that wrote it encoded it and ended its lines.

/** A file's text, with a note when its encoding had to be guessed. */
export interface ImportText {
  text: string;
  /** Said to the user, not an error: the file was not UTF-8 and was read as Windows-1252. */
  note?: string;
}

/**
 * Decodes a file for import: UTF-8 (with or without a byte order mark),
 * UTF-16 with its byte order mark, and, when the bytes are not UTF-8 at all,
 * Windows-1252 (Latin-1 and the quotes Windows adds), which old BibTeX tools
 * and Windows editors write: reading such a file as UTF-8 would turn every
 * accent into "�" without a word. Line ends become `\n` (a BibTeX parser
 * reads `and\r\n` as part of a name), which keeps every line's number.
 */
export function importText(bytes: Uint8Array, shown: string): ImportText {
  const [b0, b1] = [bytes[0], bytes[1]];
  let text: string;
  let note: string | undefined;
  if (b0 === 0xff && b1 === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (b0 === 0xfe && b1 === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      note = `note: \`${shown}\` is not UTF-8; it was read as Windows-1252 (Latin-1): check its accents in the papers written, or save it as UTF-8 and import it again`;
    }
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), ...(note && { note }) };
}
