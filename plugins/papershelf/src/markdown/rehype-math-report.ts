import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { recordMathFailure } from './math-report.ts';

/**
 * Runs after rehype-katex and moves its messages into the build's math
 * report: Astro does not print vfile messages, so without this a broken
 * formula would only show as red text on one page.
 */
export default function rehypeMathReport() {
  return (_tree: Root, file: VFile): undefined => {
    for (const message of file.messages) {
      if (message.source !== 'rehype-katex') continue;
      const cause = message.cause instanceof Error ? message.cause.message : message.reason;
      recordMathFailure({
        file: file.path ?? '(unknown file)',
        line: message.line,
        message: cause,
      });
    }
  };
}
