import { describe, expect, it, jest } from '@jest/globals';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestLogController, withoutQueryValues } from './request-log-controller.js';

const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
const at = (level: string) => (fields: Record<string, unknown>, message: string) =>
  lines.push({ level, fields, message });
const request = (url: string) =>
  ({ method: 'POST', url, log: { info: at('info'), error: at('error') } }) as unknown as FastifyRequest;
const reply = (statusCode: number, writableFinished = true) =>
  ({ statusCode, elapsedTime: 1.5, raw: { writableFinished } }) as unknown as FastifyReply;

describe('RequestLogController', () => {
  it('logs one line per request up to the budget, counts the rest in the next line, and always logs failures', () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00.000Z') });
    try {
      const controller = new RequestLogController(2);
      controller.incomingRequest();
      for (let i = 0; i < 5; i++) controller.requestCompleted(null, request(`/ok/${i}`), reply(200));
      controller.requestCompleted(null, request('/refused'), reply(400));
      jest.setSystemTime(new Date('2026-12-01T10:00:01.000Z'));
      controller.requestCompleted(null, request('/next'), reply(200));
      expect(lines.map((l) => [l.fields['req'], l.fields['unlogged']])).toEqual([
        [{ method: 'POST', url: '/ok/0' }, undefined],
        [{ method: 'POST', url: '/ok/1' }, undefined],
        [{ method: 'POST', url: '/refused' }, 3],
        [{ method: 'POST', url: '/next' }, undefined],
      ]);
      expect(lines.every((l) => l.message === 'request completed')).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('writes a query string’s parameter names, not their values, and a 5xx at level error', () => {
    lines.length = 0;
    const controller = new RequestLogController(100);
    controller.requestCompleted(null, request('/api/v1/catalogue/search?q=mon+NAS+est+123456789&limit=5'), reply(200));
    controller.requestCompleted(null, request('/api/v1/rulesets/invoices/evaluate'), reply(503));
    expect(lines.map((l) => [l.level, (l.fields['req'] as { url: string }).url])).toEqual([
      ['info', '/api/v1/catalogue/search?q=…&limit=…'],
      ['error', '/api/v1/rulesets/invoices/evaluate'],
    ]);
    expect(withoutQueryValues('/a?')).toBe('/a?');
  });

  it('says an answer was not delivered when the caller closed the connection first, whatever the budget', () => {
    lines.length = 0;
    const controller = new RequestLogController(0);
    controller.requestCompleted(null, request('/api/v1/prompts/faq/complete'), reply(200, false));
    controller.requestCompleted(null, request('/api/v1/prompts/faq/complete'), reply(200));
    expect(lines).toEqual([
      {
        level: 'info',
        fields: {
          req: { method: 'POST', url: '/api/v1/prompts/faq/complete' },
          res: { statusCode: 200, delivered: false },
          responseTime: 1.5,
        },
        message: 'request closed by the caller before its answer was delivered',
      },
    ]);
  });
});
