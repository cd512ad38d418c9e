import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureFerretDbBinary } from './ferretdb-binary.js';
import { freePort } from './free-port.js';
import { within } from '../async/within.js';

export interface EmbeddedFerretDbOptions {
  binary: string;
  dataDir: string;
  /** 0 picks a free port at first start; a restart keeps the same port so clients reconnect. */
  port: number;
  log: (message: string) => void;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** What `<dataDir>/ferretdb.pid` holds: the FerretDB child, the Gabarit process that started it, its port. */
interface PidRecord {
  ferretdb: number;
  /** Absent in files written before the owner was recorded. */
  owner?: number;
  port?: number;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A FerretDB child process (SQLite backend, loopback only) holding its data under `<dataDir>/db`. One Gabarit
 * process owns it; another process on the same data directory (a command-line tool, a second instance) uses it
 * rather than starting a second FerretDB on the same files. The owner restarts it if it dies.
 */
export class EmbeddedFerretDb {
  private child?: ChildProcess;
  private port: number;
  private output = '';
  private stopping = false;
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
    this.stopping = false;
    await ensureFerretDbBinary(this.options.binary);
    // Owner only: the SQLite files hold password hashes and decision facts, and FerretDB creates them 0644.
    mkdirSync(this.dbDir, { recursive: true, mode: 0o700 });
    chmodSync(this.dbDir, 0o700);
    mkdirSync(this.stateDir, { recursive: true });
    const record = this.readPidRecord();
    const owner = record?.owner;
    if (owner !== undefined && owner !== process.pid && isAlive(owner) && this.isOurs(record!.ferretdb)) {
      // Killing it, as a leftover, took the running service's database away until someone restarted it.
      this.port = record!.port ?? this.port;
      if (await this.accepts()) {
        this.options.log(
          `using the embedded FerretDB of the Gabarit process (pid ${owner}) running on this data directory, on 127.0.0.1:${this.port}`,
        );
        return this.uri;
      }
    }
    await this.stopLeftover(record);
    if (this.port === 0) this.port = await freePort();
    await this.spawnChild();
    this.options.log(`embedded FerretDB listening on 127.0.0.1:${this.port}, data in ${this.dbDir}`);
    return this.uri;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    process.removeListener('exit', this.killOnExit);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timedOut = await within(
      exited.then(() => false),
      STOP_TIMEOUT_MS,
      () => true,
    );
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

  private get dbDir(): string {
    return join(this.options.dataDir, 'db');
  }

  private get stateDir(): string {
    return join(this.options.dataDir, 'ferretdb-state');
  }

  private async spawnChild(): Promise<void> {
    // Something else on the port would answer the readiness probe: the service would use another database.
    if (await this.accepts())
      throw new Error(
        `Port ${this.port} (FERRETDB_PORT) is already in use by another process: choose another, or leave FERRETDB_PORT unset to take a free one.`,
      );
    this.output = '';
    const child = spawn(
      this.options.binary,
      [
        '--handler=sqlite',
        // WAL with synchronous=NORMAL: durable across process crashes; only a power loss can drop the last commits.
        `--sqlite-url=file:${this.dbDir}/?_pragma=synchronous(normal)`,
        `--listen-addr=127.0.0.1:${this.port}`,
        `--state-dir=${this.stateDir}`,
        '--telemetry=disable',
        '--debug-addr=-', // no debug HTTP listener: it would collide between instances on port 8088
        '--log-level=error',
        '--log-format=json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    if (child.pid) {
      const record: PidRecord = { ferretdb: child.pid, owner: process.pid, port: this.port };
      writeFileSync(this.pidFile, JSON.stringify(record));
    }
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    process.removeListener('exit', this.killOnExit);
    process.once('exit', this.killOnExit);
    await this.waitUntilListening(child);
    child.once('exit', (code, signal) => {
      if (!this.stopping) this.restartAfterCrash(`code ${code}, signal ${signal}`);
    });
  }

  /**
   * The database died under a running service (killed, out of memory): without a restart every request that
   * needs it answered 503 until someone restarted the service. Started again on the same port and files, the
   * driver reconnects by itself; tried every 2 s until it starts or the service stops.
   */
  private restartAfterCrash(how: string): void {
    this.options.log(`embedded FerretDB exited (${how}): ${this.output.trim().slice(-500)}; starting it again`);
    const attempt = () => {
      if (this.stopping) return;
      this.spawnChild().then(
        () => this.options.log(`embedded FerretDB listening again on 127.0.0.1:${this.port}`),
        (err: Error) => {
          this.options.log(`embedded FerretDB did not start again (${err.message}); next try in 2 s`);
          setTimeout(attempt, 2_000).unref();
        },
      );
    };
    setTimeout(attempt, 500).unref();
  }

  private readPidRecord(): PidRecord | undefined {
    if (!existsSync(this.pidFile)) return undefined;
    const text = readFileSync(this.pidFile, 'utf8').trim();
    try {
      const parsed = JSON.parse(text) as PidRecord | number;
      return typeof parsed === 'number' ? { ferretdb: parsed } : parsed;
    } catch {
      return undefined;
    }
  }

  /** True when `pid` is, by its command line, a FerretDB on this data directory. */
  private isOurs(pid: number): boolean {
    if (!Number.isInteger(pid) || pid <= 1) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--sqlite-url=file:' + this.dbDir);
    } catch {
      return false; // gone, or no /proc to tell what it is: leave it
    }
  }

  /**
   * A service killed outright (kill -9, out of memory) leaves its FerretDB running on the same files: stop it
   * before starting another. Only a process that is, by its command line, a FerretDB on this data directory.
   */
  private async stopLeftover(record: PidRecord | undefined): Promise<void> {
    rmSync(this.pidFile, { force: true });
    if (!record || !this.isOurs(record.ferretdb)) return;
    const pid = record.ferretdb;
    this.options.log(`stopping the FerretDB (pid ${pid}) a previous run of the service left behind`);
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; isAlive(pid) && waited < STOP_TIMEOUT_MS; waited += 100) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let waited = 0; isAlive(pid) && waited < STOP_TIMEOUT_MS; waited += 100) await sleep(100);
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
