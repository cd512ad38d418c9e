// A bare Fastify endpoint answering a fixed JSON, in a process of its own as the service is: hosted in the
// bench's own process it shared one event loop with autocannon, and looked slower than it is (bench/support.js).
// Configured by the bench that spawns it: BARE_METHOD, BARE_PATH, BARE_RESPONSE (JSON), and optionally
// BARE_HEADER (a header that must be present) and BARE_BODY_FIELD (a member the JSON body must hold as an object).
// Prints its URL on the first line of stdout.
import Fastify from 'fastify';

const { BARE_METHOD = 'GET', BARE_PATH = '/', BARE_RESPONSE = '{}', BARE_HEADER, BARE_BODY_FIELD } = process.env;
const response = JSON.parse(BARE_RESPONSE);

const app = Fastify();
app.route({
  method: BARE_METHOD,
  url: BARE_PATH,
  handler: async (request) => {
    if (BARE_HEADER && typeof request.headers[BARE_HEADER] !== 'string') throw new Error(`no ${BARE_HEADER}`);
    if (BARE_BODY_FIELD && typeof request.body?.[BARE_BODY_FIELD] !== 'object') throw new Error('bad request');
    return response;
  },
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${url}${BARE_PATH}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
