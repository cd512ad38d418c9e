import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configSchema } from '../../config/config.schema.js';

/**
 * What a command-line tool was given, checked before it starts anything. `--help` and `-h` print its usage and end
 * it with 0; any other option, or more arguments than it takes, is refused with its usage; a folder whose name
 * starts with « - » comes after `--`. Before, `seed --help` ran a real seed, `export:rulesets --help` exported into
 * a folder named `--help`, and a second folder was dropped without a word (a command-line review).
 */
export function toolArguments(usage: string, args: string[], most: number): string[] {
  let positionals: string[];
  try {
    const parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if (parsed.values.help) return printUsageAndEnd(usage);
    positionals = parsed.positionals;
  } catch (err) {
    // `--help` asked beside an option the tool does not take still answers the question asked.
    if (args.includes('--help') || args.includes('-h')) return printUsageAndEnd(usage);
    throw new Error(`${(err as Error).message}\n${usage}`, { cause: err });
  }
  if (positionals.length > most)
    throw new Error(`too many arguments (${positionals.length}, at most ${most})\n${usage}`);
  return positionals;
}

function printUsageAndEnd(usage: string): never {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

/**
 * The embedded database's directory under DATA_DIR when no MONGODB_URI is set, and whether it exists: a tool that
 * only reads, run with a mistyped DATA_DIR, had made a new empty installation there and answered « 0 rule set(s) ».
 */
export function embeddedDatabaseMissing(env: NodeJS.ProcessEnv): string | undefined {
  if (env['MONGODB_URI']) return undefined;
  const dataDir = resolve(env['DATA_DIR'] || configSchema.properties.DATA_DIR.default);
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
