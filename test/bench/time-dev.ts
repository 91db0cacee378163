// `astro dev` on a benchmark site: how long a person waits for the first page, and for an edited paper to show.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { astroBin, childEnv, repoRoot } from '../support/fixture-site.ts';

export interface DevTimes {
  /** From starting `astro dev` until it printed its address. */
  readySeconds: number;
  /** From starting `astro dev` until a paper page answered in full (the first request builds the archive model). */
  firstPageSeconds: number;
  /** From saving an edit to a paper's file until its page showed the edit. */
  editShownSeconds: number;
}

/** Gives up on a step after this long: a dev server that shows nothing is a result the bench reports as an error. */
const stepTimeoutMs = 900_000;

/**
 * Starts `astro dev` in the foreground on `root`, asks for the page of
 * `papers/<slug>/` until it shows the paper's title, then appends a line to
 * the paper's file and asks again until the page shows that line. Each
 * request is what a reader's reload does; the server stays up between them.
 */
export async function timeDev(root: string, slug: string, heapMb: number): Promise<DevTimes> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const server = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, astroBin, 'dev', '--root', root, '--port', '4399', '--host', '127.0.0.1'],
    {
      cwd: repoRoot,
      // In the foreground: an agent-detecting `astro dev` would otherwise put itself in the background and return.
      env: { ...childEnv(), ASTRO_DEV_BACKGROUND: '0' },
    },
  );
  // Kept from the start: a server killed by a signal (out of memory) has exited before `finally` would listen.
  const exited = new Promise((resolve) => server.once('exit', resolve));
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  try {
    const url = await until(
      server,
      () => /Local\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1],
      () => output,
    );
    const readySeconds = since();
    const page = new URL(`papers/${slug}/`, url);
    // The page in full: Papershelf's and the baseline's paper pages both head it with the paper's title.
    await until(
      server,
      async () => (/<h1[\s>]/.test(await fetchText(page)) ? true : undefined),
      () => output,
    );
    const firstPageSeconds = since();
    const marker = `Edited in the dev server at ${Date.now()}.`;
    const edited = performance.now();
    await appendFile(join(root, 'content', 'papers', `${slug}.md`), `\n${marker}\n`);
    await until(
      server,
      async () => ((await fetchText(page)).includes(marker) ? true : undefined),
      () => output,
    );
    return { readySeconds, firstPageSeconds, editShownSeconds: (performance.now() - edited) / 1000 };
  } finally {
    server.kill();
    await exited;
  }
}

/** The page's HTML when it answers 200; '' for an error page or no answer yet, which a reader would not count as shown. */
async function fetchText(url: URL): Promise<string> {
  return fetch(url)
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '');
}

/** Polls `check` every 200 ms until it gives a value; fails with the server's log if it exits or the step times out. */
async function until<T>(server: ChildProcess, check: () => T | undefined | Promise<T | undefined>, log: () => string): Promise<T> {
  const deadline = performance.now() + stepTimeoutMs;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`astro dev stopped (${server.exitCode ?? server.signalCode}):\n${log().slice(-4000)}`);
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`astro dev did not get there in ${stepTimeoutMs / 1000} s:\n${log().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
