import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureFerretDbBinary } from './ferretdb-binary.js';
import { freePort } from './free-port.js';
import { within } from '../async/within.js';
import { makeDirectory } from '../files/make-directory.js';

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

/** How often a process using another's FerretDB looks whether that process has stopped it. */
const OWNER_WATCH_MS = 1_000;

/**
 * A FerretDB child process (SQLite backend, loopback only) holding its data under `<dataDir>/db`. One Gabarit
 * process owns it; another process on the same data directory (a command-line tool, a second instance) uses it
 * rather than starting a second FerretDB on the same files. The owner restarts it if it dies; when the owner
 * stops it (it ends), a process still using it starts it again on the same port and takes over.
 */
export class EmbeddedFerretDb {
  private child?: ChildProcess;
  private port: number;
  private output = '';
  private stopping = false;
  private ownerWatch?: NodeJS.Timeout;
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
    makeDirectory(this.dbDir, 0o700);
    chmodSync(this.dbDir, 0o700);
    makeDirectory(this.stateDir);
    const record = this.readPidRecord();
    if (await this.useOwners(record)) return this.uri;
    await this.stopLeftover(record);
    if (this.port === 0) this.port = await freePort();
    await this.spawnChild();
    this.options.log(`embedded FerretDB listening on 127.0.0.1:${this.port}, data in ${this.dbDir}`);
    return this.uri;
  }

  /**
   * Uses the FerretDB of another live Gabarit process on this data directory, if there is one listening, and
   * watches for its end. Killing it, as a leftover, took the running service's database away until someone
   * restarted it.
   */
  private async useOwners(record: PidRecord | undefined, samePort = false): Promise<boolean> {
    const owner = record?.owner;
    if (owner === undefined || owner === process.pid || !isAlive(owner) || !this.isOurs(record!.ferretdb)) return false;
    const port = record!.port ?? this.port;
    // Once the driver is connected its port is fixed: a FerretDB on another is not the one this process reads.
    if (samePort && port !== this.port) return false;
    this.port = port;
    if (!(await this.accepts())) return false;
    this.options.log(
      `using the embedded FerretDB of the Gabarit process (pid ${owner}) running on this data directory, on 127.0.0.1:${this.port}`,
    );
    this.watchOwner(owner);
    return true;
  }

  /**
   * The owner stops its FerretDB when it ends (a command-line tool after its run, an instance stopped), whoever
   * still uses it. A service that had started while a tool held the database then answered 503 until someone
   * restarted it, and a seed racing a `user:create` was cut off halfway (a command-line review). Once the owner
   * has gone, or no longer names itself in the pid file, this process starts FerretDB again on the same port and
   * files, and the driver reconnects by itself; if another process did first, it uses that one.
   */
  private watchOwner(owner: number): void {
    clearInterval(this.ownerWatch);
    let busy = false;
    this.ownerWatch = setInterval(() => {
      if (busy || this.stopping) return;
      const record = this.readPidRecord();
      if (isAlive(owner) && record?.owner === owner) return;
      busy = true;
      clearInterval(this.ownerWatch);
      this.takeOver(owner).finally(() => (busy = false));
    }, OWNER_WATCH_MS);
    this.ownerWatch.unref();
  }

  private async takeOver(owner: number): Promise<void> {
    while (!this.stopping) {
      const record = this.readPidRecord();
      if (await this.useOwners(record, true)) return;
      // Another live process named in the file is starting its FerretDB (the file is written before it listens):
      // waited for, not stopped as a leftover.
      const starting =
        record?.owner !== undefined && record.owner !== owner && record.owner !== process.pid && isAlive(record.owner);
      try {
        if (!starting && !(await this.accepts())) {
          await this.stopLeftover(record);
          await this.spawnChild();
          if (this.stopping) return await this.stopChild(); // stopped while it started: not left behind
          this.options.log(
            `the Gabarit process (pid ${owner}) that ran the embedded FerretDB has stopped it: started again on 127.0.0.1:${this.port}`,
          );
          return;
        }
      } catch (err) {
        this.options.log(`embedded FerretDB not started again yet (${(err as Error).message}); next try in 1 s`);
      }
      await sleep(OWNER_WATCH_MS);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.ownerWatch);
    await this.stopChild();
  }

  private async stopChild(): Promise<void> {
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
    let spawnError: Error | undefined;
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
    // A binary that cannot be run (not executable, a directory, gone since) is said in a sentence: without a
    // listener, the spawn's error event had stopped the process with a stack trace (a command-line review).
    child.once('error', (err) => (spawnError = err));
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    process.removeListener('exit', this.killOnExit);
    process.once('exit', this.killOnExit);
    // Written before it listens, so a process killed meanwhile leaves a leftover the next start stops; written again
    // once it listens, and taken back if it never does: when two processes take over at once, only the FerretDB
    // that got the port is named.
    const record: PidRecord | undefined = child.pid
      ? { ferretdb: child.pid, owner: process.pid, port: this.port }
      : undefined;
    if (record) writeFileSync(this.pidFile, JSON.stringify(record));
    try {
      await this.waitUntilListening(child, () => spawnError);
    } catch (err) {
      if (record && this.readPidRecord()?.ferretdb === record.ferretdb) rmSync(this.pidFile, { force: true });
      throw err;
    }
    if (record) writeFileSync(this.pidFile, JSON.stringify(record));
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

  private async waitUntilListening(child: ChildProcess, spawnError: () => Error | undefined): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const failed = spawnError();
      if (failed) {
        const reason = (failed as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : failed.message;
        throw new Error(`FerretDB (FERRETDB_BIN ${this.options.binary}) cannot be run: ${reason}`);
      }
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
