#!/usr/bin/env node
// The `papershelf` command: reads arguments and hands each command to its module.
import { runImport } from './import-command.ts';
import { runAdd } from './add-command.ts';
import { runCheck } from './check-command.ts';
import { runNew } from './new-command.ts';
import { didYouMean } from '../text/did-you-mean.ts';

const usage = `Usage: papershelf <command> [options]

Commands:
  import <file…> [--format daily|arxiv|bibtex|hf] [--date YYYY-MM-DD] [--withdrawn mark|skip]
         [--dry-run] [--force] [--papers DIR] [--tags FILE]
      Write one Markdown file per paper of a daily-papers page, an arXiv API (Atom)
      response, a .bib file or a saved Hugging Face daily list (JSON). The format is
      detected when --format is left out. Papers join the archive on --date (today by
      default; a daily page and a Hugging Face list have their own day). A paper already
      in the archive gains the fields its file lacks; --force also replaces the ones this
      source gives. Its abstract is never changed, unless it is empty or new's placeholder.
  add <arxiv-id…> [--date YYYY-MM-DD] [--dry-run] [--force] [--papers DIR]
      Fetch papers from the arXiv API (one request every 3 seconds) and write them.
  add --hf-date YYYY-MM-DD [--to YYYY-MM-DD] [--withdrawn mark|skip] [--dry-run] [--force]
      [--papers DIR] [--tags FILE]
      Fetch Hugging Face's daily list of each day (one request a second) and write it.
      Withdrawn papers are imported with \`withdrawn: <day>\` unless --withdrawn skip.
  check [--papers DIR] [--tags FILE] [--free-tags]
      Check every paper (schema, tags, duplicates, math) without building.
  new "<title>" [--date YYYY-MM-DD] [--papers DIR]
      Start a paper file: required fields filled, every other one as a comment.

Run from the site's root folder; papers go to content/papers unless --papers says otherwise.`;

const [command, ...rest] = process.argv.slice(2);
try {
  if (rest.includes('--help') || rest.includes('-h')) console.log(usage);
  else if (command === 'import') process.exitCode = await runImport(rest);
  else if (command === 'add') process.exitCode = await runAdd(rest);
  else if (command === 'check') process.exitCode = await runCheck(rest);
  else if (command === 'new') process.exitCode = await runNew(rest);
  else if (command === undefined || command === '--help' || command === '-h' || command === 'help') console.log(usage);
  else {
    console.error(`papershelf: unknown command \`${command}\`.\n\n${usage}`);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`papershelf: ${error instanceof Error ? messageOf(error) : String(error)}`);
  process.exitCode = 2;
}

/** An error's message; Node's for an unknown option (which suggests `-- "--dir"`) as the option, a likely meant one and the usage. */
function messageOf(error: Error & { code?: string }): string {
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message;
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const byCommand = optionsByCommand();
  // An option of another command is said to be that command's; a misspelling, the command's own option it is nearest.
  const owners = [...byCommand].filter(([, options]) => options.includes(option)).map(([name]) => `\`${name}\``);
  const hint = owners.length > 0 ? `it is an option of ${owners.join(' and ')}` : didYouMean(option, byCommand.get(command ?? '') ?? []);
  return `unknown option \`${option}\` for \`${command}\`${hint ? `; ${hint}` : ''}\n\n${usage}`;
}

/** The options the usage gives each command (a command's lines are those under its name, indented further). */
function optionsByCommand(): Map<string, string[]> {
  const options = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of usage.split('\n')) {
    const name = /^ {2}([a-z]+) /.exec(line)?.[1];
    if (name) current = options.get(name) ?? options.set(name, []).get(name)!;
    else if (!/^ {3,}/.test(line)) current = undefined;
    for (const option of line.match(/--[a-z][a-z-]*/g) ?? []) if (current && !current.includes(option)) current.push(option);
  }
  return options;
}
