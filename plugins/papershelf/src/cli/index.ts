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
  // An option of another command is said to be that command's, with the call the usage shows it in; a misspelling,
  // the command's own option it is nearest.
  const owners = [...byCommand].filter(([, options]) => options.has(option));
  const hint =
    owners.length > 0
      ? `it is an option of ${owners.map(([name, options]) => `\`${name}\` (\`${options.get(option)}\`)`).join(' and ')}`
      : didYouMean(option, [...(byCommand.get(command ?? '')?.keys() ?? [])]);
  return `unknown option \`${option}\` for \`${command}\`${hint ? `; ${hint}` : ''}\n\n${usage}`;
}

/**
 * The options the usage gives each command (a command's lines are those under its name, indented further), each with
 * a call that uses it as the usage writes them: `papershelf import <file…> --date YYYY-MM-DD`.
 */
function optionsByCommand(): Map<string, Map<string, string>> {
  const commands = new Map<string, Map<string, string>>();
  let current: { options: Map<string, string>; call: string } | undefined;
  for (const line of usage.split('\n')) {
    // A command's line: its name and what it must be given, up to its first optional part.
    const called = /^ {2}(([a-z]+)[^[]*?)\s*(?:\[|$)/.exec(line);
    if (called) current = { options: commands.get(called[2]!) ?? commands.set(called[2]!, new Map()).get(called[2]!)!, call: called[1]! };
    else if (!/^ {3,}/.test(line)) current = undefined;
    if (!current) continue;
    for (const [spelled, option] of line.matchAll(/(--[a-z][a-z-]*)(?: (?:[A-Z][A-Z-]*|[a-z]+(?:\|[a-z]+)+))?/g))
      if (!current.options.has(option!))
        current.options.set(option!, `papershelf ${current.call}${current.call.includes(option!) ? '' : ` ${spelled}`}`);
  }
  return commands;
}
