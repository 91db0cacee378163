// Every temporary folder a test makes (with mkdtemp under os.tmpdir(), directly or in the builds and installs it
// starts) lands in one folder made for the run and removed after it. Without it each `npm test` left about 250
// folders in /tmp, the packed-plugin site alone 230 MB.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const run = await mkdtemp(join(tmpdir(), 'papershelf-tests-'));
  // Set before Vitest starts its workers, which inherit them, as do the builds and installs they run (TMPDIR on
  // Linux and macOS, TEMP or TMP on Windows).
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = run;
  return () => rm(run, { recursive: true, force: true, maxRetries: 3 });
}
