import { createServer } from 'node:net';

/**
 * Whether the service's own address can be listened on, asked before the database starts: a taken PORT was said
 * only after the embedded FerretDB had started and a first start had seeded the pilots (a command-line review).
 * Answers what would stop the service, in an operator's words, or undefined when the port is free.
 */
export async function portProblem(host: string, port: number): Promise<string | undefined> {
  if (port === 0) return undefined; // the system picks a free port
  const probe = createServer();
  try {
    await new Promise<void>((listening, failed) => {
      probe.once('error', failed);
      probe.listen({ port, host, exclusive: true }, listening);
    });
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      return `PORT ${port} on ${host} is already in use by another process (another Gabarit?): stop it, or choose another PORT.`;
    if (code === 'EACCES')
      return `PORT ${port} on ${host} needs privileges this process does not have: choose a PORT above 1023, or put a proxy in front.`;
    if (code === 'EADDRNOTAVAIL')
      return `HOST ${host} is not an address of this machine: choose one of its addresses, 127.0.0.1, or 0.0.0.0 for all.`;
    return `PORT ${port} on ${host} cannot be listened on: ${(err as Error).message}`;
  } finally {
    await new Promise<void>((closed) => probe.close(() => closed()));
  }
}
