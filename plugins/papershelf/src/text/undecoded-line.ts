// A file read as UTF-8 that was written in another encoding: each byte UTF-8 cannot read became U+FFFD ("Caf�").

/** The 1-based line of a file's first byte that UTF-8 could not read, or undefined when it read them all. */
export function firstUndecodedLine(source: string): number | undefined {
  const at = source.indexOf('\uFFFD');
  return at < 0 ? undefined : source.slice(0, at).split('\n').length;
}

/** What such a line most likely is, and the fix: said after "this line has a byte UTF-8 cannot read". */
export const undecodedLineFix = 'as Latin-1 or Windows-1252 writes an accent; save the file as UTF-8';
