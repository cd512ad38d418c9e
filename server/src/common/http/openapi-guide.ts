import { SCOPE_ACTIONS } from '../access/scopes.js';

/**
 * What an integrator reads first at /api/docs: how to call, what comes back, what each error means. The document
 * had a single line, and its operations said only who may call them: a client could not be written from it alone
 * (an API review). Markdown, as Swagger UI shows it.
 */
export const API_GUIDE = `Rules and prompt configuration service: other systems ask it for **decisions** (rule sets) and
**completions** (prompts); analysts change both in the console, and every change is reviewed and audited.

**Authentication.** Systems send an API key (\`gbt_…\`) as \`X-API-Key\`, or as a bearer token. A key holds
scopes \`<action>:<key pattern>\` (\`evaluate:invoices\`, \`evaluate:invoices-*\`, \`metrics:*\`); actions:
${SCOPE_ACTIONS.map((action) => `\`${action}\``).join(', ')}. People sign in with \`POST /api/v1/auth/login\` and send
the session token as a bearer token; each operation says which roles and which scope it takes. A 401 carries
\`WWW-Authenticate: Bearer\`.

**Deciding.** \`POST /api/v1/rulesets/{key}/evaluate\` with \`{"facts": {…}}\` decides with the version in force
(\`asOf\` picks the one in force at an instant; before the first version took effect there is none: 404). The facts
a rule set reads are its version's \`inputSchema\`; the examples that pass are its test cases, in the repository's
\`rulesets/<pilot>/<key>.json\`. \`logged: false\` says the decision's record was not confirmed stored: the answer
stands; do not decide again to get a record: read it back later by \`evaluationId\` (\`GET /api/v1/decisions/{id}\`,
with a key holding \`decisions:read:<rule set>\`).

**Errors.** Every error is \`{"error": "<code>", "message": "…", "details": [{"path": "/facts/invoice/total",
"message": "…"}]}\`: \`error\` is a stable code to branch on, \`message\` is English for people, and each detail
names the place in the request (a JSON Pointer into the body, or \`/query/…\`, \`/headers/…\`). 429 and most 503
carry \`Retry-After\`.

**Headers.** Each answer has an \`X-Request-Id\` (yours if you send one of up to 128 safe characters): quote it
when reporting a problem. Reads of a changeable resource carry an \`ETag\`; changes need it back as \`If-Match\`
(428 without it, 412 when someone changed the resource meanwhile). Answers are \`Cache-Control: no-store\`.
Browsers are not served across origins (no CORS): keys belong to servers.`;

/**
 * The controllers' groups, declared in the order an integrator looks for them: Swagger UI had listed them as it
 * met them, the audit trail first and deciding far below (an API review).
 */
export const API_TAGS: { name: string; description: string }[] = [
  { name: 'evaluation', description: 'Deciding with a rule set, and the decision records.' },
  { name: 'prompts', description: 'Rendering and completing prompts, and their versions, tests and review.' },
  { name: 'reviews', description: 'Receipts of decisions about persons, and their review requests.' },
  { name: 'rulesets', description: 'Rule sets: their versions, tests, analysis, shadow runs and review.' },
  { name: 'experiments', description: 'A/B tests of prompts: settings, feedback and results.' },
  { name: 'reference-tables', description: 'Tables the rules read (suppliers, signing limits).' },
  { name: 'audit', description: 'The hash-chained trail of every change.' },
  { name: 'api-keys', description: 'Keys for other systems, with their scopes.' },
  { name: 'auth', description: 'Console sign-in and sign-out.' },
  { name: 'users', description: 'Console accounts and the names of their holders.' },
  { name: 'catalogue', description: 'The chatbot pilot’s dataset catalogue.' },
  { name: 'health', description: 'Readiness, liveness and metrics.' },
];
