import type { ImportedPaper } from './imported-paper.ts';

/** What an import does with a withdrawn paper: write it with `withdrawn: <day>`, which pages mark, or leave it out and list it. */
export const withdrawnPolicies = ['mark', 'skip'] as const;
export type WithdrawnPolicy = (typeof withdrawnPolicies)[number];

/** Marked by default: the archive keeps what the list showed, and a withdrawn paper never disappears without a trace. */
export const defaultWithdrawnPolicy: WithdrawnPolicy = 'mark';

/** The papers to write, the withdrawn ones among them (`mark`) and the withdrawn ones left out (`skip`), for the summary. */
export function applyWithdrawnPolicy(
  papers: readonly ImportedPaper[],
  policy: WithdrawnPolicy,
): { papers: ImportedPaper[]; marked: ImportedPaper[]; skipped: ImportedPaper[] } {
  const withdrawn = papers.filter((p) => p.withdrawn);
  if (policy === 'mark') return { papers: [...papers], marked: withdrawn, skipped: [] };
  return { papers: papers.filter((p) => !p.withdrawn), marked: [], skipped: withdrawn };
}

/** The policy a `--withdrawn` flag names; the default without one. */
export function withdrawnPolicy(flag: string | undefined): WithdrawnPolicy {
  if (flag === undefined) return defaultWithdrawnPolicy;
  if ((withdrawnPolicies as readonly string[]).includes(flag)) return flag as WithdrawnPolicy;
  throw new Error(
    `unknown --withdrawn \`${flag}\`; use \`mark\` (import a withdrawn paper with \`withdrawn: <day>\`, the default) or \`skip\` (leave it out, listed in the summary)`,
  );
}
