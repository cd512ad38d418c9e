import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What a command-line tool was given, checked before it starts anything. `--help` and `-h` print its usage and end
 * it with 0; any other option, or more arguments than it takes, is refused with its usage. Before, `seed --help`
 * ran a real seed, `export:rulesets --help` exported into a folder named `--help`, and a second folder was dropped
 * without a word (a command-line review).
 */
export function toolArguments(usage: string, args: string[], most: number): string[] {
  if (args.some((arg) => arg === '--help' || arg === '-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const option = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (option !== undefined) throw new Error(`unknown option ${option}\n${usage}`);
  if (args.length > most) throw new Error(`too many arguments (${args.length}, at most ${most})\n${usage}`);
  return args;
}

/**
 * The embedded database's directory under DATA_DIR when no MONGODB_URI is set, and whether it exists: a tool that
 * only reads, run with a mistyped DATA_DIR, had made a new empty installation there and answered « 0 rule set(s) ».
 */
export function embeddedDatabaseMissing(env: NodeJS.ProcessEnv): string | undefined {
  if (env['MONGODB_URI']) return undefined;
  const dataDir = resolve(env['DATA_DIR'] || './data');
  return existsSync(join(dataDir, 'db')) ? undefined : dataDir;
}

/**
 * Ends a tool on SIGTERM or SIGINT through `process.exit`, whose exit handlers stop the embedded FerretDB it
 * started: Node's default ending runs none, and a tool stopped with `kill` left its FerretDB running on the files.
 */
export function endOnSignals(): void {
  process.once('SIGTERM', () => process.exit(143));
  process.once('SIGINT', () => process.exit(130));
}
