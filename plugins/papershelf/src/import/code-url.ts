const hosts =
  /(?:https?:\/\/)?(?:www\.)?((?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+|huggingface\.co\/(?:spaces\/)?[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)/gi;

/** Hugging Face's own pages, whose addresses look like `owner/name` but are no repository of the paper's code (`datasets/…`, `papers/…`). */
const huggingFacePages = /^huggingface\.co\/(?:datasets|papers|collections|blog|docs|learn|models|organizations|posts|tasks|spaces)\//i;

/**
 * Words right before an address that make it someone else's work the paper
 * uses ("We build on https://github.com/…", "based on the https://…"): at
 * most one word between, and none that says where the paper's own is
 * ("based on JAX is at https://…", "We extend SAM to video (https://…)").
 */
const othersWork =
  /\b(?:build(?:s|ing)?\s+(?:up)?on|built\s+(?:up)?on|based\s+on|on\s+top\s+of|extends?|fork(?:ed)?\s+(?:of|from)|compared?\s+(?:to|with))\s+(?:(?:the|a|an)\s+)?(?:(?!(?:at|is|are|in|here|available)\b)[\w-]+\s+)?\(?$/i;

/**
 * The first code repository URL in a text (an abstract or arXiv comment)
 * that is the paper's own, normalised: https, no trailing sentence
 * punctuation or `.git` (`github.com/a/b.` → `https://github.com/a/b`).
 * An address the text says the work builds on ("We build on https://…"), and
 * Hugging Face's dataset, paper and collection pages, are not its code.
 */
export function findCodeUrl(text: string): string | undefined {
  for (const match of text.matchAll(hosts)) {
    const path = match[1]!.replace(/[.,;:!?)\]}'"]+$/, '').replace(/\.git$/i, '');
    if (huggingFacePages.test(path) && !/^huggingface\.co\/spaces\/[^/]+\/[^/]+$/i.test(path)) continue;
    if (othersWork.test(text.slice(Math.max(0, match.index - 80), match.index))) continue;
    return `https://${path}`;
  }
  return undefined;
}
