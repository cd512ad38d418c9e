import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { read } from 'read';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module.js';
import { loadConfig } from './config/load-config.js';
import { ROLES, type Role } from './common/access/roles.js';
import { JsonSchemaPipe } from './common/http/json-schema.pipe.js';
import { createUserRequestSchema, type CreateUserRequest } from './modules/users/users.contract.js';
import { UsersModule } from './modules/users/users.module.js';
import { UsersService } from './modules/users/users.service.js';
import { JsonLogger, toolLog } from './common/logging/json-logger.js';
import { endOnSignals, toolArguments } from './common/cli/tool-arguments.js';

const USAGE = [
  `usage: npm run user:create -- <username> <${ROLES.join('|')}>[,...] ["Display name", quoted]`,
  '  The password (12+ characters, hard to guess) is asked for at a terminal, else read from standard input,',
  '  or taken from NEW_USER_PASSWORD, which a shell keeps in its history: prefer the other two.',
].join('\n');

/**
 * `npm run user:create -- <username> <role,role> ["Display name"]`: creates a console account directly in the
 * database. This is how the first admin of a production install is made.
 */
async function createUser(): Promise<void> {
  endOnSignals();
  const args = toolArguments(USAGE, process.argv.slice(2), Infinity);
  const [username, roleList, displayName] = args;
  // « admin, approver » (a space after the comma) had made « approver » an unknown role.
  const named = (roleList ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  // An unknown role is refused rather than dropped: `admin,Approver` made an admin who was no approver, silently.
  const unknown = named.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const roles = named as Role[];
  // More than three arguments is a display name left unquoted: « Chef de projet » would have made an account « Chef ».
  if (!username || roles.length === 0 || args.length > 3) throw new Error(USAGE);
  const password = await passwordFor(username);
  if (!password) throw new Error(`no password given for ${username}: nothing was created\n${USAGE}`);
  const request = new JsonSchemaPipe(createUserRequestSchema, 'new user').transform({
    username,
    displayName: displayName?.trim() || username,
    password,
    roles,
  }) as CreateUserRequest;
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, [UsersModule]), {
    abortOnError: false,
    logger: new JsonLogger(toolLog(config)), // its own output is the answer: warnings and errors on stderr
  });
  try {
    const user = await app.get(UsersService).create(request, 'cli');
    process.stdout.write(`created ${user.username} with roles ${user.roles.join(', ')}\n`);
  } finally {
    await app.close();
  }
}

/**
 * The new account's password: NEW_USER_PASSWORD when set (scripts that had it keep working), else typed twice at a
 * terminal without being shown, else the first line of standard input (`< /run/secrets/password`). Only the
 * variable could give it before, and the command line that set it stayed in the shell's history.
 */
async function passwordFor(username: string): Promise<string> {
  const given = process.env['NEW_USER_PASSWORD'];
  if (given) return given;
  if (!process.stdin.isTTY) return firstLine(process.stdin);
  // On standard error: standard output is the tool's answer.
  const ask = (prompt: string) => read({ prompt, silent: true, replace: '', output: process.stderr });
  const first = await ask(`Password for ${username}: `);
  if (first === '') return '';
  if ((await ask('The same again: ')) !== first) throw new Error('the two passwords differ: nothing was created');
  return first;
}

/** The first line of a stream, without waiting for its end: a pipe left open (a supervisor's) would never end. */
async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

createUser().catch((err: unknown) => {
  const details = (err as { details?: { path: string; message: string }[] }).details ?? [];
  process.stderr.write(`${(err as Error).message}${details.map((d) => `\n  ${d.path}: ${d.message}`).join('')}\n`);
  process.exit(1);
});
