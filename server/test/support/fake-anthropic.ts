import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * `garbled`: a 200 whose body is not JSON; `no_usage`: a 200 message without its usage (a provider's bug);
 * `huge_usage`: usage counts that are not counts (1e308); `refused`: a 400 quoting the prompt back;
 * `unknown_model`: the 404 the provider answers for a model it does not have; `cut`: an answer stopped at the
 * maximum tokens; `empty`: a whole answer with no text in it.
 */
export type FakeMode =
  | 'ok'
  | 'rate_limited'
  | 'server_error'
  | 'slow'
  | 'garbled'
  | 'no_usage'
  | 'huge_usage'
  | 'refused'
  | 'unknown_model'
  | 'cut'
  | 'empty';

/** A local stand-in for Anthropic's Messages API, so tests run the real SDK end to end without a network. */
export class FakeAnthropic {
  mode: FakeMode = 'ok';
  slowMs = 3_000;
  /** The wait a `rate_limited` answer asks for, in seconds. */
  retryAfter = '7';
  readonly requests: { auth: string; body: Record<string, unknown> }[] = [];
  /** Requests whose caller (the service) closed them before the fake answered. */
  abandoned = 0;
  /** What the fake model answers to a request (system and user text); by default a sentence counting the prompt. */
  reply?: (request: { system: string; prompt: string }) => string;
  private server?: Server;

  constructor(readonly apiKey = 'sk-test-fake') {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const auth = String(req.headers['x-api-key'] ?? req.headers['authorization']?.replace(/^Bearer /, '') ?? '');
    const send = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${Date.now()}`, ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/v1/messages')
      return send(404, { type: 'error', error: { type: 'not_found_error', message: 'not found' } });
    if (auth !== this.apiKey)
      return send(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    const body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
    this.requests.push({ auth: req.headers['x-api-key'] ? 'x-api-key' : 'bearer', body });
    if (this.mode === 'rate_limited')
      return send(
        429,
        { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
        { 'retry-after': this.retryAfter },
      );
    if (this.mode === 'server_error')
      return send(500, { type: 'error', error: { type: 'api_error', message: 'boom' } });
    if (this.mode === 'unknown_model')
      return send(404, {
        type: 'error',
        error: { type: 'not_found_error', message: `model: ${String(body['model'])}` },
      });
    if (this.mode === 'slow') {
      let closed = false;
      res.on('close', () => (closed = !res.writableFinished));
      await new Promise((r) => setTimeout(r, this.slowMs));
      if (closed) {
        this.abandoned++;
        return;
      }
    }
    if (this.mode === 'garbled') {
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${Date.now()}` });
      return void res.end('{not json');
    }
    const messages = body['messages'] as { content: string }[];
    const prompt = messages[0]?.content ?? '';
    if (this.mode === 'refused')
      return send(400, {
        type: 'error',
        error: { type: 'invalid_request_error', message: `prompt is too long: ${prompt.slice(0, 80)}` },
      });
    send(200, {
      id: `msg_${this.requests.length}`,
      type: 'message',
      role: 'assistant',
      model: body['model'],
      content:
        this.mode === 'empty'
          ? []
          : [
              {
                type: 'text',
                text:
                  this.reply?.({ system: systemText(body['system']), prompt }) ??
                  `Réponse simulée (${prompt.length} caractères reçus).`,
              },
            ],
      stop_reason: this.mode === 'cut' ? 'max_tokens' : 'end_turn',
      stop_sequence: null,
      ...(this.mode !== 'no_usage' && {
        usage:
          this.mode === 'huge_usage'
            ? { input_tokens: 1e308, output_tokens: 12 }
            : { input_tokens: Math.ceil(prompt.length / 4), output_tokens: 12 },
      }),
    });
  }
}

/** The system prompt as text, whether the SDK sent a string or text blocks. */
function systemText(system: unknown): string {
  if (typeof system === 'string') return system;
  if (Array.isArray(system)) return system.map((b) => (b as { text?: string }).text ?? '').join('\n');
  return '';
}
