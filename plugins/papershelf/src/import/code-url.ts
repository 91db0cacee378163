const hosts =
  /(?:https?:\/\/)?(?:www\.)?((?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+|huggingface\.co\/(?:spaces\/)?[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)/i;

/**
 * The first code repository URL in a text (an abstract or arXiv comment),
 * normalised: https, no trailing sentence punctuation or `.git`
 * (`github.com/a/b.` → `https://github.com/a/b`).
 */
export function findCodeUrl(text: string): string | undefined {
  const match = hosts.exec(text);
  if (!match) return undefined;
  const path = match[1]!.replace(/[.,;:!?)\]}'"]+$/, '').replace(/\.git$/i, '');
  return `https://${path}`;
}
