/**
 * Progress for long runs: a counter redrawn in place on a terminal, a plain
 * line every `every` records otherwise (logs and CI), nothing for small runs.
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr, every = 1000) {
  return (done: number, total: number): void => {
    if (total < 200) return;
    if (stream.isTTY) {
      stream.write(`\r${label} ${done}/${total}`);
      if (done === total) stream.write('\n');
    } else if (done % every === 0 || done === total) {
      stream.write(`${label} ${done}/${total}\n`);
    }
  };
}
