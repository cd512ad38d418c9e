import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('user administration', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp('users');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const asAdmin = {
    post: (path: string, body: object) => t.http.post(path).set('authorization', `Bearer ${admin}`).send(body),
    put: (path: string, body: object) => t.http.put(path).set('authorization', `Bearer ${admin}`).send(body),
    get: (path: string) => t.http.get(path).set('authorization', `Bearer ${admin}`),
  };
  /** Creates an account as an admin, with the password the tests sign in with. */
  const createAccount = (username: string, displayName: string, roles: string[]) =>
    asAdmin.post('/api/v1/users', { username, displayName, password: 'correct horse battery', roles });

  it('answers a created account as done when its audit write fails, and records the event shortly after', async () => {
    const audit = t.app.get(AuditService);
    const recordOnce = audit.recordOnce.bind(audit);
    // The audit store fails right after the account (with its outbox) is stored.
    audit.recordOnce = () => Promise.reject(new Error('audit store away'));
    const created = await createAccount('audit.later', 'Audit plus tard', ['risk']);
    audit.recordOnce = recordOnce;
    expect(created.status).toBe(201);
    const recorded = () =>
      t.db.collection('audit_events').countDocuments({ action: 'user.created', resourceKey: 'audit.later' });
    for (let i = 0; i < 50 && (await recorded()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await recorded()).toBe(1);
    // Once recorded, the event leaves the account's outbox.
    expect((await t.db.collection('users').findOne({ _id: 'audit.later' as never }))?.['outbox']).toEqual([]);
  });

  it('creates an account that can sign in with its roles', async () => {
    const created = await createAccount('m.tremblay', 'Marie Tremblay', ['analyst']);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'm.tremblay',
      roles: ['analyst'],
      demo: false,
      disabled: false,
      locked: false,
    });
    // The console lists accounts by creation date.
    expect(Date.now() - Date.parse(created.body.createdAt)).toBeLessThan(60_000);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'm.tremblay', password: 'correct horse battery' });
    expect(login.body.user).toEqual({ username: 'm.tremblay', displayName: 'Marie Tremblay', roles: ['analyst'] });
    expect(
      await t.db
        .collection('audit_events')
        .countDocuments({ action: 'user.created', resourceKey: 'm.tremblay', actor: 'admin' }),
    ).toBe(1);
  });

  it('searches accounts by text, and finds none for text no name can hold (NUL) instead of failing', async () => {
    const search = (q: string) => asAdmin.get(`/api/v1/users?filter=${encodeURIComponent(JSON.stringify({ q }))}`);
    const found = await search('approv');
    expect((found.body as { username: string }[]).map((u) => u.username)).toContain('approver');
    const nul = await search('appro\u0000ver');
    expect([nul.status, nul.body]).toEqual([200, []]);
    expect(nul.headers['content-range']).toBe('users */0');
    // Names as French readers write and order them: case and accents aside when searched, « É » among the E.
    const created = await createAccount('e.gagnon', 'Élodie Gagnon', ['risk']);
    expect(created.status).toBe(201);
    expect((await search('ELODIE')).body.map((u: { username: string }) => u.username)).toEqual(['e.gagnon']);
    const names = (await asAdmin.get('/api/v1/users?sort=["displayName","ASC"]&range=[0,99]')).body.map(
      (u: { displayName: string }) => u.displayName,
    );
    expect(names.indexOf('Élodie Gagnon')).toBeLessThan(names.indexOf('Gestion des risques (démo)'));
    expect(names.indexOf('Élodie Gagnon')).toBeGreaterThan(names.indexOf('Deuxième analyste (démo)'));
    const descending = (await asAdmin.get('/api/v1/users?sort=["displayName","DESC"]&range=[0,99]')).body.map(
      (u: { displayName: string }) => u.displayName,
    );
    expect(descending).toEqual([...names].reverse());
  });

  it('refuses duplicates and weak or malformed input, naming the field', async () => {
    const duplicate = await asAdmin.post('/api/v1/users', {
      username: 'analyst',
      displayName: 'x',
      password: 'long enough password',
      roles: ['analyst'],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ path: '/username', message: 'is already taken', keyword: 'taken' }]);
    // The names the service acts under in the trail: a person named « seed » would pass for the file loader.
    for (const username of ['seed', 'system', 'cli']) {
      const reserved = await asAdmin.post('/api/v1/users', {
        username,
        displayName: 'x',
        password: 'long enough password',
        roles: ['approver'],
      });
      expect([reserved.status, reserved.body.details]).toEqual([
        409,
        [{ path: '/username', message: 'is reserved for the service itself', keyword: 'taken' }],
      ]);
    }
    expect(await t.db.collection('users').countDocuments({ _id: { $in: ['seed', 'system', 'cli'] } } as never)).toBe(0);
    const bad = await asAdmin.post('/api/v1/users', {
      username: '../Root',
      displayName: 'x',
      password: 'short',
      roles: ['superuser'],
    });
    expect(bad.status).toBe(400);
    expect((bad.body.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      '/password',
      '/roles/0',
      '/username',
    ]);
    // A name of spaces shows blank in the trail; one reversed by U+202E reads « admin » in every list.
    for (const displayName of ['   ', '\u202Enimda', 'Léa \u2066Tremblay']) {
      const unseen = await asAdmin.post('/api/v1/users', {
        username: 'lea',
        displayName,
        password: 'long enough password',
        roles: ['analyst'],
      });
      expect([unseen.status, unseen.body.details[0].path]).toEqual([400, '/displayName']);
    }
    const renamed = await asAdmin.put('/api/v1/users/analyst', { displayName: '\u202Enimda' });
    expect([renamed.status, renamed.body.details?.[0]?.path]).toEqual([400, '/displayName']);
  });

  it('refuses a password easily guessed, in a new account or a reset, naming why and changing nothing', async () => {
    // Twelve characters are not enough: these are long enough for the schema, and guessed at once.
    const guessed: [string, string | undefined][] = [
      ['aaaaaaaaaaaa', 'simpleRepeat'],
      ['password1234', 'similarToCommon'],
      ['azertyuiop12', 'straightRow'],
      ['marguerite2026', undefined], // her own name and a year
    ];
    for (const [password, warning] of guessed) {
      const refused = await asAdmin.post('/api/v1/users', {
        username: 'marguerite',
        displayName: 'Marguerite Gagnon',
        password,
        roles: ['analyst'],
      });
      expect([password, refused.status, refused.body.error]).toEqual([password, 400, 'weak_password']);
      expect(refused.body.details).toEqual([
        expect.objectContaining({
          path: '/password',
          keyword: 'weakPassword',
          params: expect.objectContaining({ minimum: 3 }),
        }),
      ]);
      if (warning) expect(refused.body.details[0].params.warning).toBe(warning);
    }
    expect(await t.db.collection('users').countDocuments({ _id: 'marguerite' } as never)).toBe(0);
    const before = await t.db.collection('users').findOne({ _id: 'analyst2' } as never);
    const reset = await asAdmin.put('/api/v1/users/analyst2', {
      password: 'analyst2analyst2',
      displayName: 'Autre nom',
    });
    expect([reset.status, reset.body.details?.[0]?.path]).toEqual([400, '/password']);
    // Nothing of the change is kept: neither the name sent with it nor the password.
    const after = await t.db.collection('users').findOne({ _id: 'analyst2' } as never);
    expect([after?.['displayName'], after?.['passwordHash']]).toEqual([
      before?.['displayName'],
      before?.['passwordHash'],
    ]);
    const kept = await asAdmin.post('/api/v1/users', {
      username: 'marguerite',
      displayName: 'Marguerite Gagnon',
      password: 'trois mots choisis au hasard',
      roles: ['analyst'],
    });
    expect(kept.status).toBe(201);
  });

  it('changes roles with an audit event holding before and after', async () => {
    const changed = await asAdmin.put('/api/v1/users/analyst2', { roles: ['analyst', 'approver'] });
    expect(changed.status).toBe(200);
    expect(changed.body.roles).toEqual(['analyst', 'approver']);
    const event = await t.db
      .collection('audit_events')
      .findOne({ action: 'user.roles_changed', resourceKey: 'analyst2' });
    expect(event).toMatchObject({ actor: 'admin', summary: { before: ['analyst'], after: ['analyst', 'approver'] } });
  });

  it('disables an account so it cannot sign in, and unlocks a locked one', async () => {
    await asAdmin.post('/api/v1/users', {
      username: 'temp',
      displayName: 'Temp',
      password: 'temporary password',
      roles: ['risk'],
    });
    await asAdmin.put('/api/v1/users/temp', { disabled: true });
    const refused = await t.http.post('/api/v1/auth/login').send({ username: 'temp', password: 'temporary password' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('account_disabled');
    await asAdmin.put('/api/v1/users/temp', { disabled: false });
    for (let i = 0; i < 5; i++) await t.http.post('/api/v1/auth/login').send({ username: 'temp', password: 'wrong' });
    expect((await asAdmin.get('/api/v1/users/temp')).body.locked).toBe(true);
    await asAdmin.put('/api/v1/users/temp', { unlock: true });
    expect(
      (await t.http.post('/api/v1/auth/login').send({ username: 'temp', password: 'temporary password' })).status,
    ).toBe(200);
  });

  it('does not let an admin lock themselves out', async () => {
    const demote = await asAdmin.put('/api/v1/users/admin', { roles: ['risk'] });
    expect(demote.status).toBe(400);
    expect(demote.body.error).toBe('self_lockout');
    for (const spelling of ['ADMIN', 'Admin']) {
      const disable = await asAdmin.put(`/api/v1/users/${spelling}`, { disabled: true });
      expect(disable.status).toBe(400);
      expect(disable.body.error).toBe('self_lockout');
    }
    expect((await asAdmin.get('/api/v1/users/admin')).body).toMatchObject({ roles: ['admin'], disabled: false });
  });

  it('lists and filters users for the console, and is closed to other roles', async () => {
    const list = await asAdmin.get('/api/v1/users?filter={"role":"analyst"}&sort=["username","ASC"]');
    expect(list.headers['content-range']).toMatch(/^users 0-\d+\/\d+$/);
    expect((list.body as { username: string }[]).map((u) => u.username)).toEqual(
      expect.arrayContaining(['analyst', 'm.tremblay']),
    );
    expect(JSON.stringify(list.body)).not.toContain('passwordHash');
    const analyst = await t.login('analyst');
    expect((await t.http.get('/api/v1/users').set('authorization', `Bearer ${analyst}`)).status).toBe(403);
  });

  it('gives every console role the staff directory of display names, and nothing more of an account', async () => {
    const risk = await t.login('risk');
    const people = await t.http.get('/api/v1/people').set('authorization', `Bearer ${risk}`);
    expect(people.status).toBe(200);
    expect(people.body).toContainEqual({ username: 'm.tremblay', displayName: 'Marie Tremblay' });
    expect(people.body).toContainEqual({ username: 'approver', displayName: 'Approbatrice (démo)' });
    // Names only: roles, state and sign-ins stay the admin's to read.
    expect(Object.keys(people.body[0]).sort()).toEqual(['displayName', 'username']);
    const key = await asAdmin.post('/api/v1/api-keys', { name: 'directory probe', scopes: ['evaluate:invoices'] });
    expect((await t.http.get('/api/v1/people').set('x-api-key', key.body.key)).status).toBe(403);
  });

  it('bootstraps a production admin from the command line', async () => {
    const env = {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      // The secret of the app that wrote the trail: the audit key derives from it (another is refused at start).
      JWT_SECRET: t.config.jwtSecret,
      MONGODB_URI: t.config.mongodbUri!,
      DATA_DIR: t.config.dataDir,
      LOG_LEVEL: 'silent',
    };
    const weak = spawnSync(process.execPath, ['dist/create-user.js', 'chef', 'admin'], {
      env: { ...env, NEW_USER_PASSWORD: 'short' },
      encoding: 'utf8',
    });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('/password');
    const guessed = spawnSync(process.execPath, ['dist/create-user.js', 'chef', 'admin'], {
      env: { ...env, NEW_USER_PASSWORD: 'aaaaaaaaaaaa' },
      encoding: 'utf8',
    });
    expect([guessed.status, guessed.stderr]).toEqual([1, expect.stringContaining('too easy to guess')]);
    // A fourth word was dropped without a word: a display name left unquoted made « Chef » the account's name.
    const unquoted = spawnSync(process.execPath, ['dist/create-user.js', 'chef', 'admin', 'Chef', 'de', 'projet'], {
      env: { ...env, NEW_USER_PASSWORD: 'a long production password' },
      encoding: 'utf8',
    });
    expect([unquoted.status, unquoted.stderr]).toEqual([1, expect.stringContaining('usage:')]);
    // No password anywhere: nothing is made, and the usage says where one comes from.
    const none = spawnSync(process.execPath, ['dist/create-user.js', 'chef', 'admin'], { env, encoding: 'utf8' });
    expect([none.status, none.stderr]).toEqual([1, expect.stringContaining('no password given for chef')]);
    // The password on standard input (a secret file), not in the environment a shell's history keeps.
    const made = spawnSync(process.execPath, ['dist/create-user.js', 'chef', 'admin', 'Chef de projet'], {
      env,
      input: 'a long production password\n',
      encoding: 'utf8',
    });
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('created chef with roles admin');
    const prod = await startTestApp('users_prod', {
      NODE_ENV: 'production',
      JWT_SECRET: t.config.jwtSecret,
      MONGODB_URI: t.config.mongodbUri!,
    });
    try {
      const login = await prod.http
        .post('/api/v1/auth/login')
        .send({ username: 'chef', password: 'a long production password' });
      expect(login.status).toBe(200);
      expect(login.body.user.roles).toEqual(['admin']);
    } finally {
      await prod.close();
    }
  });
});

describe('the last enabled admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('users_last_admin');
  });
  afterAll(() => t.close());

  it('is kept when two admins disable each other at the same moment: one change is refused, naming why', async () => {
    const admin = await t.login('admin');
    for (const username of ['adm-a', 'adm-b']) {
      const created = await t.http
        .post('/api/v1/users')
        .set('authorization', `Bearer ${admin}`)
        .send({ username, displayName: username, password: 'correct horse battery', roles: ['admin'] });
      expect(created.status).toBe(201);
    }
    const signIn = async (username: string) =>
      (await t.http.post('/api/v1/auth/login').send({ username, password: 'correct horse battery' })).body
        .token as string;
    const [a, b] = [await signIn('adm-a'), await signIn('adm-b')];
    const disable = (token: string, username: string) =>
      t.http.put(`/api/v1/users/${username}`).set('authorization', `Bearer ${token}`).send({ disabled: true });
    expect((await disable(a, 'admin')).status).toBe(200); // two admins are left
    // Both changes were accepted before, and nobody was left to administer the service.
    const answers = await Promise.all([disable(a, 'adm-b'), disable(b, 'adm-a')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect([refused.body.error, refused.body.details[0]?.path]).toEqual(['last_admin', '/disabled']);
    const users = await t.db
      .collection('users')
      .find({ roles: 'admin', disabled: { $ne: true } })
      .toArray();
    expect(users.map((user) => user['_id'])).toHaveLength(1);
  });
});
