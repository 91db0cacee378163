#!/usr/bin/env node
// The `papershelf` command. This file is committed (and executable) so that npm links the bin when the
// package is installed, before the TypeScript sources are compiled; the command itself lives in dist/.
const cli = new URL('../dist/cli/index.js', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(cli.pathname)) throw error;
  console.error(
    'papershelf: the command is not compiled yet (no dist/cli/index.js). In the Papershelf repository run `npm run papers -- <command>`, which compiles it first, or `npm run build:plugin` once.',
  );
  process.exitCode = 2;
}
