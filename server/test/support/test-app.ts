import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { DB_CONNECTION } from '../../src/common/database/database.module.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { AppConfig } from '../../src/config/config.schema.js';
import { ResponseContract } from './response-contract.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: ReturnType<typeof request>;
  db: Connection;
  /** Signs in a (demo) user and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A MongoDB URI for the run's server with the database name replaced. */
export function uriForDatabase(baseUri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/]+)(?:\/[^?]*)?(\?.*)?$/.exec(baseUri);
  if (!match) throw new Error(`Cannot parse MongoDB URI ${baseUri}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

/** A fresh database name: each test file (and each app it starts) gets its own. */
export function freshDatabaseName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
}

/** Starts the real app (same factory as production) on the run's database server. */
export async function startTestApp(label: string, env: Record<string, string> = {}): Promise<TestApp> {
  const baseUri = process.env['GABARIT_TEST_MONGODB_URI'];
  if (!baseUri)
    throw new Error('GABARIT_TEST_MONGODB_URI is not set: run through the e2e Jest project (global setup).');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'gabarit-test-data-')),
    MONGODB_URI: uriForDatabase(baseUri, freshDatabaseName(label)),
    ...env,
  });
  return startWithConfig(config);
}

/** A second instance of the app on the same database and data folder (another process of a fleet, or a restart). */
export function startAnotherInstance(t: TestApp, env: Record<string, string> = {}): Promise<TestApp> {
  return startWithConfig(
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: t.config.dataDir,
      MONGODB_URI: t.config.mongodbUri!,
      ...env,
    }),
  );
}

export async function startWithConfig(config: AppConfig): Promise<TestApp> {
  const app = await createApp(config);
  const http = heldToTheDocument(request(app.getHttpServer()));
  await http.get('/api/docs-json').expect(200);
  const login = async (username: string, password = config.demoPassword): Promise<string> => {
    const response = await http.post('/api/v1/auth/login').send({ username, password });
    if (response.status !== 200)
      throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { token: string }).token;
  };
  return { app, config, http, db: app.get<Connection>(DB_CONNECTION), login, close: () => app.close() };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The same client, each answer checked against the OpenAPI document the app serves (ResponseContract): a test
 * that receives an answer the document does not describe fails with what differs.
 */
function heldToTheDocument(http: ReturnType<typeof request>): ReturnType<typeof request> {
  let contract: ResponseContract | undefined;
  const checked = Object.create(http) as Record<(typeof METHODS)[number], (url: string) => request.Test>;
  for (const method of METHODS) {
    checked[method] = (url: string) =>
      http[method](url).expect((response) => {
        if (url === '/api/docs-json' && response.status === 200 && !contract)
          contract = new ResponseContract(response.body as ConstructorParameters<typeof ResponseContract>[0]);
        const problem = contract?.problem(method, url, response);
        if (problem) throw new Error(`The answer is not the one the OpenAPI document describes: ${problem}`);
      });
  }
  return checked as unknown as ReturnType<typeof request>;
}
