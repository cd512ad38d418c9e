// Whether the process has been told to stop (SIGTERM/SIGINT, main.ts). While it drains, /health answers 503 so
// that a load balancer sends no more requests, and every answer closes its connection.

let draining = false;

export function startDraining(): void {
  draining = true;
}

export function isDraining(): boolean {
  return draining;
}
