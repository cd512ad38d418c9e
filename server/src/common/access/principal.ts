import type { Role } from './roles.js';

/** Who is calling: a signed-in console user or a system holding an API key. */
export type Principal =
  { kind: 'user'; username: string; roles: Role[] } | { kind: 'apiKey'; id: string; name: string; scopes: string[] };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The name recorded in audit events for a principal. */
export function actorName(principal: Principal): string {
  return principal.kind === 'user' ? principal.username : `api-key:${principal.id}`;
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.kind === 'user' && principal.roles.includes(role);
}
