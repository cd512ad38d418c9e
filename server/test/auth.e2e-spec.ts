import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('auth', { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '600', TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });

  it.each([
    ['analyst', ['analyst']],
    ['analyst2', ['analyst']],
    ['approver', ['approver']],
    ['risk', ['risk']],
    ['admin', ['admin']],
  ])('signs in the demo account %s with its roles', async (username, roles) => {
    const response = await login(username, 'demo');
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ username, roles });
    expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now());
    const me = await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${response.body.token}`);
    expect(me.body).toEqual({ kind: 'user', username, roles });
  });

  it('accepts usernames in any case', async () => {
    expect((await login('Analyst', 'demo')).status).toBe(200);
  });

  it('gives the same answer for a wrong password and an unknown user, and audits both', async () => {
    const wrong = await login('risk', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toBe('invalid_credentials');
    const events = await t.db.collection('audit_events').find({ action: 'auth.login_failed' }).toArray();
    expect(events.map((e) => [e['resourceKey'], e['reason']])).toEqual(
      expect.arrayContaining([
        ['risk', 'bad_password'],
        [expect.stringMatching(/^unknown-user:[0-9a-f]{16}$/), 'unknown_user'],
      ]),
    );
    // What was typed as an unknown username (often a password) is never stored.
    expect(JSON.stringify(events)).not.toContain('nobody');
  });

  const loginFrom = (address: string, username: string, password: string) =>
    t.http.post('/api/v1/auth/login').set('x-forwarded-for', address).send({ username, password });

  it('refuses an address after repeated failures on an account, even the right password, and only that address', async () => {
    for (let i = 0; i < 3; i++) expect((await loginFrom('198.51.100.7', 'approver', `wrong-${i}`)).status).toBe(401);
    const locked = await loginFrom('198.51.100.7', 'approver', 'demo');
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    expect(
      await t.db.collection('audit_events').countDocuments({ action: 'auth.account_locked', resourceKey: 'approver' }),
    ).toBe(1);
    // Guessing cannot lock the owner out: from their own address the account still opens.
    expect((await loginFrom('203.0.113.9', 'approver', 'demo')).status).toBe(200);
    // Other accounts are unaffected from the guessing address.
    expect((await loginFrom('198.51.100.7', 'admin', 'demo')).status).toBe(200);
  });

  it('counts guesses sent in parallel before checking them: no more than the limit get an answer', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => loginFrom('198.51.100.8', 'risk', `essai-${i}`)),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('refuses a missing, forged or expired token with 401', async () => {
    const missing = await t.http.get('/api/v1/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toBe('unauthenticated');

    const forged = jwt.sign({ roles: ['admin'] }, 'x'.repeat(40), {
      subject: 'admin',
      issuer: 'gabarit',
      expiresIn: 600,
    });
    const forgedResponse = await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${forged}`);
    expect(forgedResponse.status).toBe(401);
    expect(forgedResponse.body.error).toBe('invalid_token');

    const expired = jwt.sign({ roles: ['admin'], exp: Math.floor(Date.now() / 1000) - 60 }, t.config.jwtSecret, {
      subject: 'admin',
      issuer: 'gabarit',
    });
    const expiredResponse = await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${expired}`);
    expect(expiredResponse.status).toBe(401);
    expect(expiredResponse.body.error).toBe('token_expired');
  });

  it('validates the login body', async () => {
    const response = await t.http.post('/api/v1/auth/login').send({ username: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: '/password', message: 'is required', keyword: 'required', params: { missingProperty: 'password' } },
    ]);
  });

  it('ends sessions at once on sign-out, disabling, a change of roles or a new password', async () => {
    const admin = (await login('admin', 'demo')).body.token as string;
    const asAdmin = (method: 'post' | 'put', path: string, body: object) =>
      t.http[method](path).set('authorization', `Bearer ${admin}`).send(body);
    const me = (token: string) => t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
    expect(
      (
        await asAdmin('post', '/api/v1/users', {
          username: 'revocable',
          displayName: 'Révocable',
          password: 'un mot de passe long',
          roles: ['analyst', 'approver'],
        })
      ).status,
    ).toBe(201);
    const signIn = async () => (await login('revocable', 'un mot de passe long')).body.token as string;

    const first = await signIn();
    const second = await signIn();
    expect((await t.http.post('/api/v1/auth/logout').set('authorization', `Bearer ${first}`)).status).toBe(204);
    for (const token of [first, second]) expect((await me(token)).body).toMatchObject({ error: 'session_ended' }); // everywhere

    let token = await signIn();
    expect((await me(token)).body.roles).toEqual(['analyst', 'approver']);
    expect((await asAdmin('put', '/api/v1/users/revocable', { roles: ['analyst'] })).status).toBe(200);
    expect((await me(token)).status).toBe(401);

    token = await signIn();
    expect((await asAdmin('put', '/api/v1/users/revocable', { displayName: 'Révocable bis' })).status).toBe(200);
    expect((await me(token)).status).toBe(200); // a change that does not touch access keeps the session
    expect((await asAdmin('put', '/api/v1/users/revocable', { password: 'un autre mot de passe' })).status).toBe(200);
    expect((await me(token)).status).toBe(401);

    token = (await login('revocable', 'un autre mot de passe')).body.token as string;
    expect((await asAdmin('put', '/api/v1/users/revocable', { disabled: true })).status).toBe(200);
    const ended = await me(token);
    expect(ended.status).toBe(401);
    expect(ended.body.error).toBe('session_ended');
    expect((await t.http.post('/api/v1/auth/logout')).status).toBe(401);
  });

  it('ends on another instance a session signed out here within seconds, before its cached account would expire', async () => {
    const other = await startAnotherInstance(t);
    try {
      const token = (await login('risk', 'demo')).body.token as string;
      const there = () => other.http.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
      const checked = Date.now();
      expect((await there()).status).toBe(200); // the other instance holds the account as read (for 5 s)
      expect((await t.http.post('/api/v1/auth/logout').set('authorization', `Bearer ${token}`)).status).toBe(204);
      // The audit trail's feed tells the other instance within about 2 s. Asked only until 4.5 s after the
      // account was read there: its cache alone would keep the session for 5 s.
      let response = await there();
      while (response.status !== 401 && Date.now() - checked < 4_500) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        response = await there();
      }
      expect(response.body).toMatchObject({ error: 'session_ended' });
    } finally {
      await other.close();
    }
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('auth_rate', { LOGIN_RATE_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(() => t.close());

  it('answers 429 with the error body once a client exceeds the per-minute budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await t.http.post('/api/v1/auth/login').send({ username: 'x', password: 'y' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const limited = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password: 'demo' });
    expect(limited.body.error).toBe('rate_limited');
    // Other routes are not limited.
    expect((await t.http.get('/health')).status).toBe(200);
  });
});

describe('demo accounts in production', () => {
  it('are neither seeded nor accepted when NODE_ENV=production', async () => {
    // The same secret throughout: the audit key derives from it, and a process with another refuses the trail.
    const dev = await startTestApp('auth_prod', { JWT_SECRET: 's'.repeat(40) });
    const uri = dev.config.mongodbUri!;
    const demoSession = await dev.login('admin');
    await dev.close();
    const prod = await startTestApp('auth_prod_empty', { NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) });
    expect(await prod.db.collection('users').countDocuments()).toBe(0);
    await prod.close();
    // A database seeded earlier in development: the demo accounts exist but are refused, and the start says so.
    const warned = jest.spyOn(Logger.prototype, 'warn');
    const prodOnSeeded = await startTestApp('auth_prod_seeded', {
      NODE_ENV: 'production',
      JWT_SECRET: 's'.repeat(40),
      MONGODB_URI: uri,
    });
    const response = await prodOnSeeded.http.post('/api/v1/auth/login').send({ username: 'admin', password: 'demo' });
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('demo_account_disabled');
    expect(warned.mock.calls.map(([message]) => String(message))).toContainEqual(
      expect.stringMatching(/^NODE_ENV=production: \d+ demo account\(s\) remain in the database \(.*admin.*\)/),
    );
    warned.mockRestore();
    // A session a demo account opened in development ends too: its token had created a lasting administrator.
    const kept = await prodOnSeeded.http.get('/api/v1/auth/me').set('authorization', `Bearer ${demoSession}`);
    expect([kept.status, kept.body.error]).toEqual([401, 'session_ended']);
    const created = await prodOnSeeded.http
      .post('/api/v1/users')
      .set('authorization', `Bearer ${demoSession}`)
      .send({ username: 'intruder', displayName: 'Intrus', password: 'un-mot-de-passe-long', roles: ['admin'] });
    expect(created.status).toBe(401);
    expect(await prodOnSeeded.db.collection('users').countDocuments({ _id: 'intruder' } as never)).toBe(0);
    await prodOnSeeded.close();
  });
});
