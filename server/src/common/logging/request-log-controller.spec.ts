import { describe, expect, it, jest } from '@jest/globals';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestLogController } from './request-log-controller.js';

const lines: { fields: Record<string, unknown>; message: string }[] = [];
const request = (url: string) =>
  ({
    method: 'POST',
    url,
    log: { info: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }) },
  }) as unknown as FastifyRequest;
const reply = (statusCode: number) => ({ statusCode, elapsedTime: 1.5 }) as unknown as FastifyReply;

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
});
