import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureFerretDbBinary } from './ferretdb-binary.js';
import { freePort } from './free-port.js';

export interface EmbeddedFerretDbOptions {
  binary: string;
  dataDir: string;
  /** 0 picks a free port at first start; a restart keeps the same port so clients reconnect. */
  port: number;
  log: (message: string) => void;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** A FerretDB child process (SQLite backend, loopback only) holding its data under `<dataDir>/db`. */
export class EmbeddedFerretDb {
  private child?: ChildProcess;
  private port: number;
  private output = '';
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(private readonly options: EmbeddedFerretDbOptions) {
    this.port = options.port;
  }

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/gabarit`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null;
  }

  async start(): Promise<string> {
    await ensureFerretDbBinary(this.options.binary);
    if (this.port === 0) this.port = await freePort();
    const dbDir = join(this.options.dataDir, 'db');
    const stateDir = join(this.options.dataDir, 'ferretdb-state');
    mkdirSync(dbDir, { recursive: true });
    mkdirSync(stateDir, { recursive: true });
    await this.stopLeftover();
    this.output = '';
    const child = spawn(
      this.options.binary,
      [
        '--handler=sqlite',
        // WAL with synchronous=NORMAL: durable across process crashes; only a power loss can drop the last commits.
        `--sqlite-url=file:${dbDir}/?_pragma=synchronous(normal)`,
        `--listen-addr=127.0.0.1:${this.port}`,
        `--state-dir=${stateDir}`,
        '--telemetry=disable',
        '--debug-addr=-', // no debug HTTP listener: it would collide between instances on port 8088
        '--log-level=error',
        '--log-format=json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    if (child.pid) writeFileSync(this.pidFile, String(child.pid));
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    process.once('exit', this.killOnExit);
    await this.waitUntilListening(child);
    this.options.log(`embedded FerretDB listening on 127.0.0.1:${this.port}, data in ${dbDir}`);
    return this.uri;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    process.removeListener('exit', this.killOnExit);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS, true, { ref: false })]);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(this.pidFile, { force: true });
    this.options.log('embedded FerretDB stopped');
  }

  private get pidFile(): string {
    return join(this.options.dataDir, 'ferretdb.pid');
  }

  /**
   * A service killed outright (kill -9, out of memory) leaves its FerretDB running on the same files: stop it
   * before starting another. Only a process that is, by its command line, a FerretDB on this data directory.
   */
  private async stopLeftover(): Promise<void> {
    if (!existsSync(this.pidFile)) return;
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    rmSync(this.pidFile, { force: true });
    const commandLine = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return ''; // gone, or no /proc to tell what it is: leave it
      }
    })();
    if (
      !Number.isInteger(pid) ||
      pid <= 1 ||
      !commandLine.includes('--sqlite-url=file:' + join(this.options.dataDir, 'db'))
    )
      return;
    this.options.log(`stopping the FerretDB (pid ${pid}) a previous run of the service left behind`);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; alive() && waited < STOP_TIMEOUT_MS; waited += 100) await sleep(100);
    if (alive()) process.kill(pid, 'SIGKILL');
    for (let waited = 0; alive() && waited < STOP_TIMEOUT_MS; waited += 100) await sleep(100);
  }

  private async waitUntilListening(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`FerretDB exited with code ${child.exitCode} at start-up: ${this.output.trim()}`);
      }
      if (await this.accepts()) return;
      await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error(
      `FerretDB did not listen on port ${this.port} within ${START_TIMEOUT_MS / 1000}s: ${this.output.trim()}`,
    );
  }

  private accepts(): Promise<boolean> {
    return new Promise((answer) => {
      const socket = connect({ host: '127.0.0.1', port: this.port });
      socket.once('connect', () => {
        socket.destroy();
        answer(true);
      });
      socket.once('error', () => answer(false));
    });
  }
}
