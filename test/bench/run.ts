// `npm run bench -- --papers 10000`: builds the same synthetic archive three ways in one run — Papershelf, a bare
// Astro baseline and the plain-unified floor — measures each and writes the table to test/bench/results/.
// Budgets are checked here, never in `npm test`.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate-corpus.ts';
import { timeDev, type DevTimes } from './time-dev.ts';
import { serveStatic } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';
import { childEnv, repoRoot, astroBin } from '../support/fixture-site.ts';
import { sampleTreeRss } from './process-tree-rss.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    // `--only papershelf` skips the baseline and the floor (for sizes where only Papershelf's numbers are wanted).
    only: { type: 'string' },
    // Node's heap limit for every build, in MB. V8 lets garbage pile up toward its limit before it collects it all,
    // so a build's peak RSS follows the limit as much as what it needs: 2304 is what a host with 3 GB of memory can
    // give Node, and a build that finishes under it fits that host. Larger archives need `--heap 8192`.
    heap: { type: 'string', default: '2304' },
    // Papershelf's `search.maxFragments` for this run: `false` (a fragment file a paper) or a number of files; the
    // site's default when not given. A run with it writes its results under its own name, beside the default's.
    'max-fragments': { type: 'string' },
    // Cold builds of every variant again, in turn, after the main runs: the machine is shared and its speed drifts
    // over the minutes between one variant's cold build and the next's, so the cold-build budgets use the median of
    // each round's ratio (the main runs' and these), not one pair of builds minutes apart.
    'cold-rounds': { type: 'string', default: '2' },
  },
});
const count = Number(values.papers);
const heapMb = Number(values.heap);
if (!Number.isInteger(heapMb) || heapMb <= 0) throw new Error(`--heap must be a number of megabytes, such as 8192 (got ${values.heap})`);
const maxFragments = values['max-fragments'];
if (maxFragments !== undefined && maxFragments !== 'false' && !/^[1-9]\d*$/.test(maxFragments))
  throw new Error(`--max-fragments must be false or a whole number of files, such as 2500 (got ${maxFragments})`);
const coldRounds = Number(values['cold-rounds']);
if (!Number.isInteger(coldRounds) || coldRounds < 0)
  throw new Error(`--cold-rounds must be a whole number, such as 2 (got ${values['cold-rounds']})`);
/** How the results files are named: `bench-10000`, or `bench-10000-max-fragments-false` for a run with the option. */
const runName = `bench-${count}${maxFragments === undefined ? '' : `-max-fragments-${maxFragments}`}`;
const work = join(repoRoot, 'test', '.work', `bench-${count}`);
const results = join(repoRoot, 'test', 'bench', 'results');

type Variant = 'papershelf' | 'baseline' | 'floor';
interface Run {
  seconds: number;
  /** The largest single process's peak (GNU time). */
  peakRssMb: number;
  /** The peak of every process of the build together, sampled every 0.25 s (see process-tree-rss.ts). */
  peakTreeRssMb: number;
  output: string;
}
interface Measure {
  cold: Run;
  noChange: Run;
  oneEdit: Run;
  /** Seconds of each phase of the cold build, and of the no-change rebuild. */
  phases: Record<string, number>;
  rebuildPhases: Record<string, number>;
  distMb: number;
  distFiles: number;
  /** Files, bytes and cold render time by route family (see `routeFamilies`). */
  families: Family[];
  pagefindMb: number;
  firstQueryKb: number;
  /** The same bytes gzip-compressed, as any real static host sends them. */
  firstQueryGzipKb: number;
  /** What the first query fetched, by kind of file (`pagefind.js`, `wasm`, `pf_meta`, `index`, `fragment`, `page`…), in KB. */
  firstQueryParts: Record<string, number>;
  paperPageKb: Record<string, number>;
  /** `astro dev` on the built site (not the floor, which is no Astro site). */
  dev?: DevTimes;
  /** Why `astro dev` showed no page or no edit, when it did not: reported, so the builds' figures are kept. */
  devFailure?: string;
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Runs a command under GNU time: wall seconds, the largest process's peak RSS, all its processes' together, and its output. */
function timed(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const rssFile = join(work, `rss-${process.hrtime.bigint()}.txt`);
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args], {
      cwd,
      // Astro's CLI turns on Node's module compile cache, which grows by the bundle's size with every content change:
      // keep it in the bench's work folder, which each run starts afresh.
      env: { ...childEnv(), NODE_OPTIONS: `--max-old-space-size=${heapMb}`, NODE_COMPILE_CACHE: join(work, 'compile-cache') },
    });
    const tree = sampleTreeRss(child.pid!);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('close', async (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakTreeRssMb = tree.stop();
      if (code !== 0) {
        await rm(rssFile, { force: true });
        return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-3000)}`));
      }
      const rssKb = Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1));
      await rm(rssFile, { force: true });
      resolve({ seconds, peakRssMb: rssKb / 1024, peakTreeRssMb, output });
    });
  });
}

/** One family of the output: paper pages, tag pages, `.bib` files… */
interface Family {
  name: string;
  files: number;
  mb: number;
  renderSeconds: number;
}

/** Which family an output file belongs to: its first folder, and for paper files also what kind of file it is. */
function familyOf(path: string): string {
  const [first, ...rest] = path.split('/');
  if (rest.length === 0) return first!.endsWith('.html') ? 'top-level pages' : 'top-level files';
  const file = rest.at(-1)!;
  const kind = file.endsWith('.html') ? 'pages' : `${file.slice(file.lastIndexOf('.'))} files`;
  if (first === 'pagefind' || first === '_astro') return first;
  if (first === 'papers' && rest.length > 1 && /^(?:newest|by-title)$/.test(rest[0]!)) return 'papers index pages';
  return `${first} ${kind}`;
}

/**
 * Files, bytes and render time by route family, largest first, so the next
 * size or time regression shows where it is. Render time is the family's
 * share of the cold build's page-rendering phase, in proportion to its pages'
 * own times (Astro prints `(+12ms)` after each path): Papershelf renders four
 * pages at once, so those times overlap and their sum is more than the phase.
 * An estimate: the phase also holds every route's getStaticPaths and the
 * archive model, and with pages at once Astro's log may print a time after
 * another page's path, so the split between families is approximate.
 */
async function routeFamilies(dist: string, output: string, renderingSeconds: number | undefined): Promise<Family[]> {
  const families = new Map<string, Family>();
  const family = (name: string) => {
    let found = families.get(name);
    if (!found) families.set(name, (found = { name, files: 0, mb: 0, renderSeconds: 0 }));
    return found;
  };
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const found = family(familyOf(path.slice(dist.length + 1)));
    found.files++;
    found.mb += (await stat(path)).size / 1048576;
  }
  // A slow page's time is printed in seconds (`(+2.56s)`).
  const pageTimes = [...output.matchAll(/[├└]─ \/(\S+) \(\+([\d.]+)(ms|s)\)/g)].map((match) => ({
    name: familyOf(match[1]!.replace(/\/$/, '/index.html')),
    seconds: Number(match[2]) / (match[3] === 'ms' ? 1000 : 1),
  }));
  const summed = pageTimes.reduce((sum, page) => sum + page.seconds, 0);
  const scale = renderingSeconds !== undefined && summed > 0 ? renderingSeconds / summed : 1;
  for (const page of pageTimes) if (families.has(page.name)) family(page.name).renderSeconds += page.seconds * scale;
  return [...families.values()].sort((a, b) => b.mb - a.mb);
}

async function folder(path: string): Promise<{ mb: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { mb: bytes / 1048576, files };
}

/** The corpus's papers' slugs, in their order (the same for every variant: the same seed). */
let slugs: string[] = [];

async function prepare(variant: Variant): Promise<string> {
  const root = join(work, variant);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  if (variant === 'papershelf') {
    await writeFile(join(root, 'astro.config.mjs'), siteConfig(await readFile(join(repoRoot, 'astro.config.mjs'), 'utf8')));
    await cp(join(repoRoot, 'src'), join(root, 'src'), { recursive: true });
    await cp(join(repoRoot, 'public'), join(root, 'public'), { recursive: true });
  } else if (variant === 'baseline') {
    await cp(join(repoRoot, 'test', 'bench', 'baseline'), root, { recursive: true });
  }
  slugs = await writeCorpus(root, count, Number(values.seed));
  return root;
}

/** The repository's site config, with `--max-fragments` given to the integration when the run sets it. */
function siteConfig(config: string): string {
  if (maxFragments === undefined) return config;
  const call = 'papershelf({';
  if (!config.includes(call)) throw new Error(`--max-fragments: astro.config.mjs has no \`${call}\` to give the option to`);
  return config.replace(call, `${call}\n      search: { maxFragments: ${maxFragments} },`);
}

async function build(variant: Variant, root: string): Promise<Run> {
  if (variant === 'floor') return timed(process.execPath, [join(repoRoot, 'test', 'bench', 'floor.ts'), root], repoRoot);
  const astro = await timed(process.execPath, [astroBin, 'build', '--root', root], repoRoot);
  if (variant === 'papershelf') return astro;
  const index = await timed(join(repoRoot, 'node_modules', '.bin', 'pagefind'), ['--site', join(root, 'dist')], repoRoot);
  return {
    seconds: astro.seconds + index.seconds,
    peakRssMb: Math.max(astro.peakRssMb, index.peakRssMb),
    peakTreeRssMb: Math.max(astro.peakTreeRssMb, index.peakTreeRssMb),
    output: `${astro.output}\n${index.output}`,
  };
}

/** Seconds of the build's phases, read from its log. */
function phases(variant: Variant, run: Run): Record<string, number> {
  const out = run.output;
  if (variant === 'floor') {
    const json = JSON.parse(out.trim().split('\n').at(-1)!) as { render: number; pagefind: number };
    return { render: json.render, pagefind: json.pagefind };
  }
  const search = /search: (?:indexed .* in |no page changed .* reused \()([\d.]+) s/.exec(out);
  const found: Record<string, number | undefined> = {
    'content + setup': durationAfter(out, 'Collecting build info...'),
    'bundle (vite)': durationAfter(out, 'Building static entrypoints...'),
    'page rendering': durationAfter(out, 'generating static routes'),
    'archive model': seconds(/model built in ([\d.]+ s)/.exec(out)?.[1]),
    pagefind: variant === 'papershelf' ? seconds(search?.[1] && `${search[1]} s`) : seconds(/Finished in ([\d.]+ s)econds/.exec(out)?.[1]),
  };
  return Object.fromEntries(Object.entries(found).filter((e): e is [string, number] => e[1] !== undefined));
}

/** The first "✓ Completed in …" after a line of Astro's log, in seconds (the log has several). */
function durationAfter(out: string, marker: string): number | undefined {
  const start = out.indexOf(marker);
  if (start < 0) return undefined;
  return seconds(/✓ (?:Completed in|built in) ((?:\d+m )?[\d.]+ ?m?s)/.exec(out.slice(start))?.[1]);
}

/** Seconds of a duration as Astro and Vite print it: `159ms`, `5.75s`, `2m 3s`, `12.5 s`. */
function seconds(duration: string | undefined): number | undefined {
  const match = duration === undefined ? null : /^(?:(\d+)m )?([\d.]+) ?(ms|s)$/.exec(duration);
  if (!match) return undefined;
  const value = Number(match[2]) / (match[3] === 'ms' ? 1000 : 1);
  return Number(match[1] ?? 0) * 60 + value;
}

/** Papershelf's own count of what a build rendered and what it restored from the last build. */
function renderedRestored(out: string): string {
  const match = /pages and files: (\d+) rendered, (\d+) restored/.exec(out);
  return match ? `${match[1]} rendered, ${match[2]} restored` : '—';
}

/** Keeps a build's whole log beside the variant's site (`test/.work/bench-N/papershelf-cold.log`…), to read where its time went. */
async function keepLog(variant: Variant, build: string, run: Run): Promise<void> {
  await writeFile(join(work, `${variant}-${build}.log`), run.output);
}

async function editOnePaper(root: string): Promise<void> {
  await appendFile(join(root, 'content', 'papers', `${slugs[0]}.md`), `\nEdited at ${Date.now()}.\n`);
}

/** Bytes a browser fetches to open a paper page, by kind, and for a first search query. */
async function weigh(
  variant: Variant,
  root: string,
): Promise<{
  paperPageKb: Record<string, number>;
  firstQueryKb: number;
  firstQueryGzipKb: number;
  firstQueryParts: Record<string, number>;
}> {
  const server = await serveStatic(join(root, 'dist'), '/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const sizes: { url: string; type: string; bytes: number; gzip: number }[] = [];
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      sizes.push({
        url: new URL(response.url()).pathname,
        type: response.request().resourceType(),
        bytes: body.length,
        gzip: gzipSync(body).length,
      });
    });
    await page.goto(`${server.origin}/papers/${slugs[1]}/`);
    await page.waitForLoadState('networkidle');
    const paperPageKb: Record<string, number> = {};
    for (const { type, bytes } of sizes) paperPageKb[type] = (paperPageKb[type] ?? 0) + bytes / 1024;
    sizes.length = 0;
    if (variant === 'papershelf') {
      await page.goto(`${server.origin}/search/`);
      await page.locator('.search-ready').waitFor();
      await page.locator('#search-query').fill('sparse attention');
      await page.locator('.search-result').first().waitFor();
    } else {
      await page.evaluate(async () => {
        const pagefind = await import('/pagefind/pagefind.js' as string);
        const search = await pagefind.search('sparse attention');
        await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
      });
    }
    await page.waitForLoadState('networkidle');
    const query = sizes.filter((s) => s.url.includes('/pagefind/') || s.url.includes('search'));
    return {
      paperPageKb,
      firstQueryKb: query.reduce((a, s) => a + s.bytes, 0) / 1024,
      firstQueryGzipKb: query.reduce((a, s) => a + s.gzip, 0) / 1024,
      firstQueryParts: query.reduce<Record<string, number>>((parts, s) => {
        const kind =
          /\/(fragment|index|filter)\//.exec(s.url)?.[1] ??
          /\.pf_meta$|pagefind(?:-[a-z]+)?\.js$|pagefind-entry\.json$/.exec(s.url)?.[0] ??
          (/\/wasm\.[a-z-]+\.pagefind$/.test(s.url) ? 'wasm' : 'search page and its script');
        parts[kind] = (parts[kind] ?? 0) + s.bytes / 1024;
        return parts;
      }, {}),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measure(variant: Variant): Promise<Measure> {
  log(`${variant}: writing ${count} papers`);
  const root = await prepare(variant);
  log(`${variant}: cold build`);
  const cold = await build(variant, root);
  await keepLog(variant, 'cold', cold);
  log(`${variant}: cold ${cold.seconds.toFixed(1)} s; rebuild with no change`);
  const noChange = await build(variant, root);
  await keepLog(variant, 'no-change', noChange);
  await editOnePaper(root);
  log(`${variant}: rebuild after editing one paper`);
  const oneEdit = await build(variant, root);
  await keepLog(variant, 'one-edit', oneEdit);
  const dist = await folder(join(root, 'dist'));
  const index = await folder(join(root, 'dist', 'pagefind'));
  log(`${variant}: weighing pages in Chromium`);
  const weights = await weigh(variant, root);
  let dev: DevTimes | undefined;
  let devFailure: string | undefined;
  if (variant !== 'floor') {
    log(`${variant}: astro dev, first page and an edited paper`);
    try {
      dev = await timeDev(root, slugs[1]!, heapMb);
    } catch (error) {
      devFailure = error instanceof Error ? error.message : String(error);
      log(`${variant}: astro dev failed: ${devFailure}`);
    }
  }
  return {
    cold,
    noChange,
    oneEdit,
    phases: phases(variant, cold),
    rebuildPhases: phases(variant, noChange),
    distMb: dist.mb,
    distFiles: dist.files,
    families: await routeFamilies(join(root, 'dist'), cold.output, phases(variant, cold)['page rendering']),
    pagefindMb: index.mb,
    ...weights,
    ...(dev ? { dev } : {}),
    ...(devFailure ? { devFailure } : {}),
  };
}

/**
 * Each variant's cold build again, `rounds` times, the variants in turn within
 * a round (a round takes a few minutes at 10,000 papers). The site, corpus and
 * Node's compile cache stay; the build's output and caches go, as before the
 * first cold build. Seconds and peak RSS of each, the main run's first.
 */
async function coldBuildsInTurn(
  variants: Variant[],
  rounds: number,
  measured: Partial<Record<Variant, Measure>>,
): Promise<Record<Variant, Run[]>> {
  const runs = Object.fromEntries(variants.map((v) => [v, [measured[v]!.cold]])) as Record<Variant, Run[]>;
  for (let round = 1; round <= rounds; round++) {
    for (const variant of variants) {
      const root = join(work, variant);
      for (const made of ['dist', 'node_modules', '.astro']) await rm(join(root, made), { recursive: true, force: true });
      log(`${variant}: cold build again (round ${round + 1} of ${rounds + 1})`);
      const run = await build(variant, root);
      runs[variant].push({ ...run, output: '' });
    }
  }
  return runs;
}

/** The middle value (the mean of the middle two for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const allVariants: Variant[] = ['papershelf', 'baseline', 'floor'];
const variants = values.only ? allVariants.filter((v) => values.only!.split(',').includes(v)) : allVariants;
if (!variants.includes('papershelf')) throw new Error(`--only must include papershelf (got ${values.only})`);
await rm(join(work, 'compile-cache'), { recursive: true, force: true });
await mkdir(work, { recursive: true });
await mkdir(results, { recursive: true });
const measured = {} as Partial<Record<Variant, Measure>>;
for (const variant of variants) measured[variant] = await measure(variant);
// With Papershelf alone (`--only papershelf`) there is no ratio to steady, and at 50,000 papers a cold build takes minutes.
const rounds = variants.length > 1 ? coldRounds : 0;
const colds = await coldBuildsInTurn(variants, rounds, measured);

const ps = measured.papershelf!;
const ratio = (a: number, b: number | undefined) => (b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const row = (label: string, get: (m: Measure) => number, digits = 1) => {
  const of = (v: Variant) => (measured[v] ? get(measured[v]) : undefined);
  return `| ${label} | ${allVariants.map((v) => of(v)?.toFixed(digits) ?? 'skipped').join(' | ')} | ${ratio(get(ps), of('baseline'))} | ${ratio(get(ps), of('floor'))} |`;
};
/** A row of `astro dev` times, which the floor has none of. */
const devRow = (label: string, get: (dev: DevTimes) => number) => {
  const of = (v: Variant) => {
    const dev = measured[v]?.dev;
    return dev ? get(dev) : undefined;
  };
  const mine = of('papershelf');
  return `| ${label} | ${allVariants.map((v) => of(v)?.toFixed(1) ?? (measured[v] ? '—' : 'skipped')).join(' | ')} | ${mine === undefined ? '—' : ratio(mine, of('baseline'))} | — |`;
};
const phaseNames = [...new Set(variants.flatMap((v) => Object.keys(measured[v]!.phases)))];
const kinds = [...new Set(variants.flatMap((v) => Object.keys(measured[v]!.paperPageKb)))].sort();
const table = [
  `| ${count} papers | Papershelf | baseline | floor | Papershelf/baseline | Papershelf/floor |`,
  '| --- | --- | --- | --- | --- | --- |',
  row('cold build (s)', (m) => m.cold.seconds),
  row('rebuild, no change (s)', (m) => m.noChange.seconds),
  row('rebuild, one paper edited (s)', (m) => m.oneEdit.seconds),
  ...phaseNames.map((name) => row(`phase: ${name} (s)`, (m) => m.phases[name] ?? 0, 2)),
  ...phaseNames.map((name) => row(`no-change rebuild phase: ${name} (s)`, (m) => m.rebuildPhases[name] ?? 0, 2)),
  devRow('astro dev: started (s)', (dev) => dev.readySeconds),
  devRow('astro dev: first paper page shown (s)', (dev) => dev.firstPageSeconds),
  devRow('astro dev: edited paper shown, after saving (s)', (dev) => dev.editShownSeconds),
  row('peak RSS, largest process (MB)', (m) => Math.max(m.cold.peakRssMb, m.noChange.peakRssMb, m.oneEdit.peakRssMb), 0),
  row('peak RSS, all processes together (MB)', (m) => Math.max(m.cold.peakTreeRssMb, m.noChange.peakTreeRssMb, m.oneEdit.peakTreeRssMb), 0),
  row('dist/ size (MB)', (m) => m.distMb),
  row('dist/ files', (m) => m.distFiles, 0),
  row('Pagefind index (MB)', (m) => m.pagefindMb, 2),
  row('first search query (KB fetched)', (m) => m.firstQueryKb),
  row('first search query (KB, gzip as hosts send it)', (m) => m.firstQueryGzipKb),
  ...kinds.map((kind) => row(`paper page: ${kind} (KB)`, (m) => m.paperPageKb[kind] ?? 0)),
];
const peak = Math.max(...colds.papershelf.map((run) => run.peakRssMb), ps.noChange.peakRssMb, ps.oneEdit.peakRssMb);
const peakTogether = Math.max(...colds.papershelf.map((run) => run.peakTreeRssMb), ps.noChange.peakTreeRssMb, ps.oneEdit.peakTreeRssMb);
/** The cold-build budget against another variant: the median of each round's ratio (see `coldBuildsInTurn`). */
const coldAgainst = (other: Variant, limit: number): readonly [string, boolean] => {
  const ratios = colds.papershelf.map((run, round) => run.seconds / colds[other][round]!.seconds);
  const each = colds.papershelf.map((run, round) => ratio(run.seconds, colds[other][round]!.seconds)).join(', ');
  const middle = median(ratios);
  return [
    `cold build ≤ ${limit}× ${other} (${ratios.length === 1 ? each : `median ${middle.toFixed(2)}× of ${ratios.length} rounds: ${each}`})`,
    middle <= limit,
  ];
};
const { baseline, floor } = measured;
const rebuildBaseline = baseline?.noChange.seconds;
// Budgets against the baseline or the floor are left out when that variant was skipped (`--only`).
const relativeBudgets: (readonly [string, boolean])[] = [];
if (baseline && rebuildBaseline !== undefined)
  relativeBudgets.push(
    coldAgainst('baseline', 1.3),
    [
      `one-paper rebuild ≤ 1.1× baseline's no-change rebuild (${ps.oneEdit.seconds.toFixed(1)} s vs ${rebuildBaseline.toFixed(1)} s: ${ratio(ps.oneEdit.seconds, rebuildBaseline)})`,
      ps.oneEdit.seconds <= 1.1 * rebuildBaseline,
    ],
    [
      `no-change rebuild ≤ 1.1× baseline's no-change rebuild (${ps.noChange.seconds.toFixed(1)} s vs ${rebuildBaseline.toFixed(1)} s: ${ratio(ps.noChange.seconds, rebuildBaseline)})`,
      ps.noChange.seconds <= 1.1 * rebuildBaseline,
    ],
  );
if (floor) relativeBudgets.push(coldAgainst('floor', 2.5));
const budgets = [
  ...relativeBudgets,
  [
    `peak RSS ≤ 3 GB (${(peak / 1024).toFixed(2)} GB; all the build's processes together ${(peakTogether / 1024).toFixed(2)} GB)`,
    peak <= 3072,
  ],
  // A dev server that dies is a budget missed, not a line of prose below the table.
  [
    `astro dev shows a paper and then its edit within the build's heap (${ps.devFailure ? ps.devFailure.split('\n')[0] : 'it did'})`,
    ps.devFailure === undefined && ps.dev !== undefined,
  ],
  [
    `first search query ≤ 300 KB uncompressed (${ps.firstQueryKb.toFixed(0)} KB; ${ps.firstQueryGzipKb.toFixed(0)} KB gzip as hosts send it)`,
    ps.firstQueryKb <= 300,
  ],
  [`dist/ ≤ 20 KB a paper (${((ps.distMb * 1024) / count).toFixed(1)} KB)`, (ps.distMb * 1024) / count <= 20],
  [`dist/ ≤ 3 files a paper (${(ps.distFiles / count).toFixed(2)})`, ps.distFiles / count <= 3],
  [`paper page script ≤ a few KB (${(ps.paperPageKb['script'] ?? 0).toFixed(1)} KB fetched)`, (ps.paperPageKb['script'] ?? 0) <= 8],
] as const;
const markdown = [
  `# Benchmark: ${count} papers`,
  '',
  `Run ${new Date().toISOString()} on ${process.platform}, Node ${process.version}, seed ${values.seed}, each build with a ${heapMb} MB heap limit (\`--heap\`). Byte counts are uncompressed.${maxFragments === undefined ? '' : ` Papershelf built with \`search: { maxFragments: ${maxFragments} }\` (\`--max-fragments\`).`}${variants.length < allVariants.length ? ` Only ${variants.join(', ')} measured (\`--only\`).` : ''}`,
  '',
  ...table,
  '',
  ...variants.flatMap((v) => {
    const failure = measured[v]!.devFailure;
    return failure ? [`${v}'s astro dev failed: ${failure.split('\n')[0]}`, ''] : [];
  }),
  ...(rounds > 0
    ? [
        `Cold builds, every variant in turn, ${rounds + 1} rounds (the table's first): ${variants
          .map((v) => `${v} ${colds[v].map((run) => run.seconds.toFixed(1)).join(', ')} s`)
          .join('; ')}.`,
        '',
      ]
    : []),
  `Papershelf pages and files: no-change rebuild ${renderedRestored(ps.noChange.output)}; one-paper rebuild ${renderedRestored(ps.oneEdit.output)}.`,
  '',
  ...(ps.cold.output.includes('while the rest of the site was rendered')
    ? [
        "Papershelf's cold build ran Pagefind beside the page rendering once the paper pages were rendered: its phase's seconds are part of the rendering's, not after them.",
        '',
      ]
    : []),
  `Papershelf's first search query fetched: ${Object.entries(ps.firstQueryParts)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, kb]) => `${kind} ${kb.toFixed(1)} KB`)
    .join(
      ', ',
    )}. The baseline and the floor load Pagefind as it comes, which searches in a web worker and fetches \`pagefind-worker.js\` (42 KB); Papershelf's search page searches on its own thread.`,
  '',
  '## Papershelf output by route family',
  '',
  '| family | files | files a paper | MB | KB a paper | cold render (s) |',
  '| --- | --- | --- | --- | --- | --- |',
  ...ps.families.map(
    (f) =>
      `| ${f.name} | ${f.files} | ${(f.files / count).toFixed(2)} | ${f.mb.toFixed(1)} | ${((f.mb * 1024) / count).toFixed(1)} | ${f.renderSeconds.toFixed(1)} |`,
  ),
  '',
  '## Budgets',
  '',
  ...budgets.map(([text, ok]) => `- ${ok ? 'met' : 'MISSED'}: ${text}`),
  '',
].join('\n');
await writeFile(join(results, `${runName}.md`), markdown);
await writeFile(
  join(results, `${runName}.json`),
  JSON.stringify(
    {
      count,
      seed: Number(values.seed),
      heapMb,
      ...(maxFragments !== undefined && { maxFragments: maxFragments === 'false' ? false : Number(maxFragments) }),
      date: new Date().toISOString(),
      node: process.version,
      measured: Object.fromEntries(
        variants.map((v) => {
          const m = measured[v]!;
          return [
            v,
            {
              ...m,
              cold: { ...m.cold, output: undefined },
              noChange: { ...m.noChange, output: undefined },
              oneEdit: { ...m.oneEdit, output: undefined },
            },
          ];
        }),
      ),
      coldRounds: Object.fromEntries(
        variants.map((v) => [
          v,
          colds[v].map((run) => ({ seconds: run.seconds, peakRssMb: run.peakRssMb, peakTreeRssMb: run.peakTreeRssMb })),
        ]),
      ),
      budgets: budgets.map(([text, ok]) => ({ text, ok })),
    },
    null,
    1,
  ),
);
console.log(`\n${markdown}`);
log(`results written to test/bench/results/${runName}.md and .json`);
