// Times the archive model's parts (taxonomy, related papers, authors, the whole model) on a synthetic corpus.
// Run: node test/bench/time-archive-model.ts 1000 10000
import { random, paperMarkdown, vocabularyYaml } from './generate-corpus.ts';
import { readFrontmatter } from '../../plugins/papershelf/src/content/read-frontmatter.ts';
import { paperSchema } from '../../plugins/papershelf/src/content/paper-schema.ts';
import { buildArchive } from 'astro-papershelf/model';
import { relatedPapers } from '../../plugins/papershelf/src/related/related-papers.ts';
import { parseVocabulary } from '../../plugins/papershelf/src/taxonomy/parse-vocabulary.ts';

const schema = paperSchema();
for (const count of process.argv.slice(2).map(Number)) {
  const next = random(1);
  const inputs = Array.from({ length: count }, (_, i) => {
    const source = paperMarkdown(i, next);
    const frontmatter = readFrontmatter(source)!;
    const body = source.slice(source.indexOf('\n---\n', 4) + 5);
    return { id: `paper-${i}`, filePath: `content/papers/paper-${i}.md`, body, data: schema.parse(frontmatter.data) as never };
  });
  const vocabulary = { file: 'tags.yml', definitions: parseVocabulary(vocabularyYaml(), 'tags.yml') };
  let started = performance.now();
  const archive = buildArchive(inputs, { vocabulary });
  const whole = performance.now() - started;
  started = performance.now();
  relatedPapers(archive.papers.map((p) => ({ slug: p.slug, title: p.titleText, text: p.abstract })));
  const related = performance.now() - started;
  console.log(
    `${count} papers: archive model ${(whole / 1000).toFixed(2)} s, of which related papers ${(related / 1000).toFixed(2)} s; ${archive.authors.length} authors, ${archive.taxonomy.tags.length} tags`,
  );
}
