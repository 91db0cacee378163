import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RelatedCacheFacts } from './related-cache.ts';

/**
 * What the model works out from each paper's own text (the card's snippet,
 * the description, which tag rules match), kept between builds under a digest
 * of everything it depends on, so that after an edit a rebuild works it out
 * only for the papers that changed: about 1.4 s of a 10,000-paper model, most
 * of it matching tag rules.
 */
export interface PaperMemo {
  /** The value kept under `key`, else `derive()`'s, kept for the next build. Values are shared: never change one. */
  recall<T>(key: string, derive: () => T): T;
}

/** A memo kept in a file of the cache folder, with what it did for the build's log. */
export interface PaperMemoFile extends PaperMemo {
  /** Writes this build's values, when they differ from the file's. */
  save(): void;
  /** Values worked out in this build and values taken from the last one. */
  readonly counts: { derived: number; kept: number };
}

interface MemoContents {
  /** Digest of the model's code: values another version worked out are never used. */
  code: string;
  values: Record<string, unknown>;
}

/** The memo of the archive's cache folder; without one (no cache), every value is worked out. */
export function paperMemoFile(facts: RelatedCacheFacts | undefined): PaperMemoFile {
  const file = facts && join(facts.folder, 'paper-memo.json');
  const earlier = file ? readMemo(file, facts.code) : new Map<string, unknown>();
  const used = new Map<string, unknown>();
  const counts = { derived: 0, kept: 0 };
  return {
    counts,
    recall<T>(key: string, derive: () => T): T {
      if (used.has(key)) return used.get(key) as T;
      let value = earlier.get(key) as T | undefined;
      if (value === undefined) {
        value = derive();
        counts.derived++;
      } else counts.kept++;
      used.set(key, value);
      return value;
    },
    save() {
      // Only this build's values are written, so the file never keeps those of edited or deleted papers.
      if (!file || (counts.derived === 0 && used.size === earlier.size)) return;
      writeMemo(file, { code: facts.code, values: Object.fromEntries(used) });
    },
  };
}

function readMemo(file: string, code: string): Map<string, unknown> {
  try {
    const contents = JSON.parse(readFileSync(file, 'utf8')) as MemoContents;
    return contents.code === code ? new Map(Object.entries(contents.values)) : new Map();
  } catch {
    return new Map();
  }
}

/** Written beside and renamed into place, so a build stopped half-way never leaves half a file to read. */
function writeMemo(file: string, contents: MemoContents): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(`${file}.partial`, JSON.stringify(contents));
    renameSync(`${file}.partial`, file);
  } catch {
    // A memo that cannot be written costs the next build time, never correctness.
  }
}
