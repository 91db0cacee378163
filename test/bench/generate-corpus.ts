// A synthetic archive that looks like the real one, deterministic for a seed: papers as `.md` files and a
// ~60-tag vocabulary with a hierarchy. Used by the benchmark and by timing of the archive model.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { titleSlug, uniqueSlug } from '../../plugins/papershelf/src/import/title-slug.ts';

/** A small, fast, seedable generator (mulberry32): the same seed gives the same corpus on any machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const topics = [
  'attention',
  'transformer',
  'vision',
  'language',
  'speech',
  'graph',
  'reinforcement',
  'diffusion',
  'retrieval',
  'reasoning',
];
const subtopics = ['sparse', 'linear', 'efficient', 'multimodal', 'robust', 'interpretable', 'federated'];
const nouns =
  'model network layer head token sequence context memory cache kernel gradient loss objective benchmark dataset representation embedding feature encoder decoder policy agent reward image video audio text graph node edge query key value matrix vector scale budget latency throughput accuracy baseline ablation'.split(
    ' ',
  );
const adjectives =
  'sparse dense linear quadratic efficient scalable robust adaptive hierarchical multimodal causal bidirectional recurrent convolutional probabilistic contrastive generative discriminative lightweight long short local global dynamic static'.split(
    ' ',
  );
const verbs = 'improves reduces outperforms matches extends generalizes accelerates compresses stabilizes aligns retrieves predicts'.split(
  ' ',
);
const givenNames =
  'Ada Alan Grace Łukasz Émile Yann Fei Jürgen Geoffrey Yoshua Andrej Ilya Noam Ashish Jakob Niki Llion Aidan Kaiming Ross Piotr Olga Chelsea Percy Sasha Timnit Margaret Jeff Quoc Oriol'.split(
    ' ',
  );
const surnames =
  'Lovelace Turing Hopper Kaiser Zola LeCun Li Schmidhuber Hinton Bengio Karpathy Sutskever Shazeer Vaswani Uszkoreit Parmar Jones Gomez He Girshick Dollár Russakovsky Finn Liang Luccioni Gebru Mitchell Dean Le Vinyals'.split(
    ' ',
  );

const syllables = 'ka lo mi ren sa tor vel an dri osk ul ba nez fi gar ho'.split(' ');

/** A surname no other index gives: the index written in syllables (`Kalomi`), so every name is distinct and pronounceable. */
function uniqueSurname(n: number): string {
  let name = '';
  for (let rest = n; name === '' || rest > 0; rest = Math.floor(rest / syllables.length)) name += syllables[rest % syllables.length];
  return cap(name);
}

/**
 * Authors as a daily archive has them: about five a paper, most of whom appear
 * on one paper only, and a few prolific ones on many (a fifth of the names come
 * from a pool of count/20 people, chosen with Zipf-like weights).
 */
function authorsOf(count: number, next: () => number, newName: () => string): string[] {
  const pool = Math.max(1, Math.floor(count / 20));
  return Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
    if (next() >= 0.2) return newName();
    // Zipf-like: person k is chosen with a weight of about 1/k.
    const k = Math.floor(Math.exp(next() * Math.log(pool + 1))) - 1;
    return `${givenNames[k % givenNames.length]} ${surnames[k % surnames.length]}${k >= surnames.length ? `-${uniqueSurname(k)}` : ''}`;
  });
}

/** The vocabulary: 10 roots, each with 5 children, 60 tags in all, with rules and aliases. */
export function vocabularyYaml(): string {
  const lines: string[] = [];
  for (const topic of topics) {
    lines.push(`- id: ${topic}`, `  label: ${cap(topic)}`, `  description: Papers about ${topic}.`, `  aliases: [${topic} research]`);
    for (const sub of subtopics.slice(0, 5)) {
      const id = `${sub}-${topic}`;
      lines.push(`- id: ${id}`, `  label: ${cap(sub)} ${topic}`, `  parent: ${topic}`, `  match: ["${sub} ${topic}"]`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The tag ids of the vocabulary, for papers' `tags:`. */
export const tagIds = topics.flatMap((topic) => [topic, ...subtopics.slice(0, 5).map((sub) => `${sub}-${topic}`)]);

function cap(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

let namesGiven = 0;

/** One synthetic paper file (of an archive of `count`): frontmatter and an abstract of 800–2,000 characters. */
export function paperMarkdown(index: number, next: () => number, count = 10_000): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const topic = pick(topics);
  const title = `${cap(pick(adjectives))} ${pick(subtopics)} ${topic} ${pick(nouns)}s for ${pick(adjectives)} ${pick(nouns)}s ${index}`;
  const authors = authorsOf(count, next, () => `${pick(givenNames)} ${uniqueSurname(namesGiven++)}`);
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
  // Tags a paper as the shipped archive has them: 5.4 in all, 4.1 from rules and 1.3 broader ones. A paper
  // returns to a few phrases of its field, so the rules find some of its topic's tags, not all (3.6 here), and a
  // person sometimes adds one in the file (0.3 here; the shipped archive's files name none). 5.2 in all here.
  const ownSubtopics = Array.from({ length: 8 }, () => pick(subtopics));
  const tags = next() < 0.3 ? [pick(tagIds)] : [];
  // Formulas in about one abstract in eleven, two or three each: nearly three times the shipped archive's share
  // (2 of 59), so the math path stays exercised without pages heavier than a real archive's.
  const math = next();
  const sentences: string[] = [];
  let length = 0;
  const target = 800 + Math.floor(next() * 1200);
  while (length < target) {
    let sentence = `Our ${pick(adjectives)} ${pick(ownSubtopics)} ${topic} ${pick(nouns)} ${pick(verbs)} the ${pick(adjectives)} ${pick(nouns)} of ${pick(adjectives)} ${pick(nouns)}s`;
    if (math < 0.1 && next() < 0.15)
      sentence += next() < 0.5 ? ` in $O(n^{${1 + Math.floor(next() * 3)}})$ time` : ` by \\(${Math.floor(next() * 9) + 2}\\times\\)`;
    sentences.push(`${sentence}.`);
    length += sentence.length + 2;
  }
  if (math < 0.02) sentences.push(`\n\n$$\n\\mathrm{softmax}(QK^\\top/\\sqrt{d})V\n$$\n`);
  const arxiv = `${String(24 + Math.floor(index / 90000)).padStart(2, '0')}${String(1 + (index % 12)).padStart(2, '0')}.${String(10000 + index).padStart(5, '0')}`;
  return [
    '---',
    `title: "${title}"`,
    `authors: [${authors.map((a) => JSON.stringify(a)).join(', ')}]`,
    `date: ${day}`,
    `arxiv: "${arxiv}"`,
    `tags: [${tags.join(', ')}]`,
    ...(next() < 0.4 ? [`code: https://github.com/example/repo-${index}`] : []),
    '---',
    sentences.join(' '),
    '',
  ].join('\n');
}

/** The title in a paper file's frontmatter (`title: "…"`), as written by `paperMarkdown`. */
function titleOf(markdown: string): string {
  return JSON.parse(/^title: (".*")$/m.exec(markdown)![1]!) as string;
}

/**
 * Writes `count` papers and the vocabulary under `root` (content/papers, content/tags.yml), replacing what was
 * there. Each file is named as the importers name it, by its title's slug (`-2` when taken): a paper's address
 * is in about 36 places of the built site (links to it, its listings, feeds, exports), and a real slug is
 * five times as long as `paper-00001`, 1.6 KB a paper more. The slugs, in the papers' order.
 */
export async function writeCorpus(root: string, count: number, seed = 1): Promise<string[]> {
  const papers = join(root, 'content', 'papers');
  await rm(papers, { recursive: true, force: true });
  await mkdir(papers, { recursive: true });
  await writeFile(join(root, 'content', 'tags.yml'), vocabularyYaml());
  const next = random(seed);
  namesGiven = 0;
  const files: Promise<void>[] = [];
  const slugs: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const markdown = paperMarkdown(i, next, count);
    const slug = uniqueSlug(titleSlug(titleOf(markdown)), (candidate) => taken.has(candidate));
    taken.add(slug);
    slugs.push(slug);
    files.push(writeFile(join(papers, `${slug}.md`), markdown));
    if (files.length >= 256) await Promise.all(files.splice(0));
  }
  await Promise.all(files);
  return slugs;
}
