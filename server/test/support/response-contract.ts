import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components?: object };

/** Request timeout and headers too large. */
const FRAMEWORK_STATUSES = new Set([408, 431]);
const DOCUMENT_ID = 'https://gabarit.invalid/openapi.json';

/**
 * Holds every JSON answer an e2e test receives to the OpenAPI document the same app serves: its status must be
 * documented for that operation, and a success must match the schema documented for it. The e2e suite then
 * checks the document against hundreds of real answers (drafts, transitions, renders, completions) that the
 * fuzzer rarely reaches with a valid body; an answer the document does not describe fails the test that got it.
 */
export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly routes: { method: string; template: string; pattern: RegExp; literals: number }[] = [];
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly document: Document) {
    addFormats.default(this.ajv);
    // The whole document is one schema resource, so `#/components/schemas/…` resolves from any response schema.
    this.ajv.addSchema({ $id: DOCUMENT_ID, paths: document.paths, components: document.components });
    for (const [template, item] of Object.entries(document.paths)) {
      const segments = template.split('/');
      const pattern = new RegExp(
        `^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
      );
      for (const method of Object.keys(item))
        this.routes.push({ method, template, pattern, literals: segments.filter((s) => !s.startsWith('{')).length });
    }
    // The most literal route first: /rulesets/import/dmn before /rulesets/{key}/….
    this.routes.sort((a, b) => b.literals - a.literals);
  }

  /** Why the answer does not match the document, or undefined when it does (or is not an API answer). */
  problem(method: string, url: string, response: Pick<Response, 'status' | 'headers' | 'body'>): string | undefined {
    const path = new URL(url, 'http://local').pathname; // still escaped: a parameter may hold an escaped slash
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) return undefined; // not in the document: the console, /health's probes, 404 and 405 answers
    // Answered by the HTTP server before any route, the same on every path (docs/adr/0004-http-edges.md).
    if (FRAMEWORK_STATUSES.has(response.status) || (response.body as { error?: unknown })?.error === 'bad_url')
      return undefined;
    const where = `${method.toUpperCase()} ${route.template} answered ${response.status}`;
    const documented = this.document.paths[route.template]![route.method]!.responses ?? {};
    if (!documented[String(response.status)]) return `${where}, a status the document does not list`;
    const json = String(response.headers['content-type'] ?? '').startsWith('application/json');
    if (!json || response.status >= 300) return undefined;
    const validate = this.validator(route.template, route.method, response.status);
    if (validate === null) return `${where} with JSON, and the document gives no schema for it`;
    if (validate(response.body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
    return `${where} with a body the document's schema refuses: ${errors.join('; ')}`;
  }

  private validator(template: string, method: string, status: number): ValidateFunction | null {
    const key = `${method} ${template} ${status}`;
    if (!this.validators.has(key)) {
      const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
      const pointer = `#/paths/${escape(template)}/${method}/responses/${status}/content/${escape('application/json')}/schema`;
      const schema =
        this.document.paths[template]![method]!.responses?.[String(status)]?.content?.['application/json']?.schema;
      this.validators.set(key, schema ? (this.ajv.getSchema(`${DOCUMENT_ID}${pointer}`) ?? null) : null);
    }
    return this.validators.get(key)!;
  }
}
