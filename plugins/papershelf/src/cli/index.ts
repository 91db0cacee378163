#!/usr/bin/env node
// The `papershelf` command: reads arguments and hands each command to its module.
import { runImport } from './import-command.ts';

const usage = `Usage: papershelf <command> [options]

Commands:
  import <file…> --format daily --date YYYY-MM-DD [--dry-run] [--force] [--papers DIR]
      Write one Markdown file per paper of a scraped daily-papers page.

Run from the site's root folder; papers go to content/papers unless --papers says otherwise.`;

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'import') process.exitCode = await runImport(rest);
  else if (command === undefined || command === '--help' || command === '-h' || command === 'help') console.log(usage);
  else {
    console.error(`papershelf: unknown command \`${command}\`.\n\n${usage}`);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`papershelf: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
