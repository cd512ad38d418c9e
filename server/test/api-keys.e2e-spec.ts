import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

describe('API keys', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp('api_keys');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const create = (token: string, body: object) =>
    t.http.post('/api/v1/api-keys').set('authorization', `Bearer ${token}`).send(body);

  it('shows the secret once, stores only a hash, and lists keys without secrets', async () => {
    const created = await create(admin, { name: 'ERP comptes fournisseurs', scopes: ['evaluate:invoices-*'] });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^gbt_[a-f0-9]{16}_[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.collection('api_keys').findOne({ _id: created.body.id });
    // The secret is all after the id: base64url may itself hold underscores.
    expect(JSON.stringify(stored)).not.toContain(created.body.key.split('_').slice(2).join('_'));

    const list = await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toMatch(/^api-keys 0-\d+\/\d+$/);
    const listed = (list.body as Record<string, unknown>[]).find((k) => k['id'] === created.body.id);
    expect(listed).toMatchObject({
      name: 'ERP comptes fournisseurs',
      scopes: ['evaluate:invoices-*'],
      createdBy: 'admin',
      revoked: false,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect(listed).not.toHaveProperty('secretHash');
    expect(
      await t.db
        .collection('audit_events')
        .countDocuments({ action: 'api_key.created', resourceKey: created.body.id, actor: 'admin' }),
    ).toBe(1);
  });

  it('authenticates a caller by its key and reports its scopes', async () => {
    const { body } = await create(admin, {
      name: 'portail RH',
      scopes: ['evaluate:enrolment', 'prompts:complete:chatbot-*'],
    });
    const me = await t.http.get('/api/v1/auth/me').set('x-api-key', body.key);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      kind: 'apiKey',
      id: body.id,
      name: 'portail RH',
      scopes: ['evaluate:enrolment', 'prompts:complete:chatbot-*'],
    });
  });

  it('does not let a key, or a user without the admin role, manage keys', async () => {
    const { body } = await create(admin, { name: 'broad', scopes: ['evaluate:*'] });
    const byKey = await t.http
      .post('/api/v1/api-keys')
      .set('x-api-key', body.key)
      .send({ name: 'escalate', scopes: ['evaluate:*'] });
    expect(byKey.status).toBe(403);
    expect(byKey.body.error).toBe('missing_role');
    for (const username of ['analyst', 'approver', 'risk']) {
      const token = await t.login(username);
      const response = await create(token, { name: 'mine', scopes: ['evaluate:*'] });
      expect(response.status).toBe(403);
      expect((await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${token}`)).status).toBe(403);
    }
  });

  it('revokes a key: it stops working at once and stays listed as revoked', async () => {
    const { body } = await create(admin, { name: 'temporary', scopes: ['evaluate:invoices'] });
    expect((await t.http.get('/api/v1/auth/me').set('x-api-key', body.key)).status).toBe(200);
    const revoked = await t.http.delete(`/api/v1/api-keys/${body.id}`).set('authorization', `Bearer ${admin}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: body.id, revoked: true });
    const after = await t.http.get('/api/v1/auth/me').set('x-api-key', body.key);
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('invalid_api_key');
    const unknown = await t.http.delete('/api/v1/api-keys/0000000000000000').set('authorization', `Bearer ${admin}`);
    expect(unknown.status).toBe(404);
  });

  it('takes an expiry date in the future, lists it, and refuses the key from then on as expired', async () => {
    const past = await create(admin, {
      name: 'hier',
      scopes: ['evaluate:invoices'],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect([past.status, past.body.details]).toEqual([400, [{ path: '/expiresAt', message: 'must be in the future' }]]);

    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const { body } = await create(admin, { name: 'pilote 2027', scopes: ['evaluate:invoices'], expiresAt: inAYear });
    expect(body.expiresAt).toBe(inAYear);
    expect((await t.http.get('/api/v1/auth/me').set('x-api-key', body.key)).status).toBe(200);
    const listed = async () =>
      ((await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`)).body as { id: string }[]).find(
        (k) => k.id === body.id,
      );
    expect(await listed()).toMatchObject({ expiresAt: inAYear, expired: false });
    expect(
      (await t.db.collection('audit_events').findOne({ action: 'api_key.created', resourceKey: body.id }))?.details,
    ).toMatchObject({ expiresAt: inAYear });

    // A year later (the date moved back in the database; a second key, so no cached check is in the way).
    const second = (await create(admin, { name: 'pilote 2027 bis', scopes: ['evaluate:invoices'], expiresAt: inAYear }))
      .body;
    await t.db
      .collection('api_keys')
      .updateOne({ _id: second.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const refused = await t.http.get('/api/v1/auth/me').set('x-api-key', second.key);
    expect([refused.status, refused.body.error]).toEqual([401, 'api_key_expired']);
    expect(refused.body.message).toMatch(/expired at .+: ask an administrator for a new one/);
    const keys = (await t.http.get('/api/v1/api-keys').set('authorization', `Bearer ${admin}`)).body as {
      id: string;
    }[];
    expect(keys.find((k) => k.id === second.id)).toMatchObject({ expired: true, revoked: false });
  });

  it('refuses on another instance a key revoked here within seconds, before its cached check would expire', async () => {
    const other = await startAnotherInstance(t);
    try {
      const { body } = await create(admin, { name: 'ailleurs', scopes: ['evaluate:invoices'] });
      const there = () => other.http.get('/api/v1/auth/me').set('x-api-key', body.key);
      const checked = Date.now();
      expect((await there()).status).toBe(200); // the other instance holds the key as checked (for 10 s)
      await t.http.delete(`/api/v1/api-keys/${body.id}`).set('authorization', `Bearer ${admin}`);
      // The audit trail's feed tells the other instance within about 2 s. Asked only until 8 s after the key was
      // checked there: its cache alone would keep serving it for 10 s, and one request more.
      let status = (await there()).status;
      while (status !== 401 && Date.now() - checked < 8_000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = (await there()).status;
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses malformed and guessed keys', async () => {
    for (const key of ['nope', 'gbt_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await t.http.get('/api/v1/auth/me').set('x-api-key', key);
      expect(response.status).toBe(401);
      expect(response.body.error).toBe('invalid_api_key');
    }
  });

  it('pages the list the way the console asks', async () => {
    for (let i = 0; i < 3; i++) await create(admin, { name: `page-${i}`, scopes: ['evaluate:*'] });
    const page = await t.http
      .get('/api/v1/api-keys?sort=["name","ASC"]&range=[0,1]')
      .set('authorization', `Bearer ${admin}`);
    expect(page.body).toHaveLength(2);
    const total = Number(page.headers['content-range'].split('/')[1]);
    expect(page.headers['content-range']).toBe(`api-keys 0-1/${total}`);
    const names = (page.body as { name: string }[]).map((k) => k.name);
    expect(names).toEqual([...names].sort());
  });

  it('finds keys by name or scope, case and accents aside', async () => {
    expect((await create(admin, { name: 'Clés de la Régie', scopes: ['evaluate:enrolment'] })).status).toBe(201);
    const chatbot = await create(admin, { name: 'Borne', scopes: ['prompts:complete:chatbot-municipal'] });
    expect(chatbot.status).toBe(201);
    const search = async (q: string) => {
      const filter = encodeURIComponent(JSON.stringify({ q }));
      const res = await t.http.get(`/api/v1/api-keys?filter=${filter}`).set('authorization', `Bearer ${admin}`);
      expect(res.status).toBe(200);
      return { names: (res.body as { name: string }[]).map((k) => k.name), range: res.headers['content-range'] };
    };
    expect(await search('CLES DE LA REGIE')).toEqual({ names: ['Clés de la Régie'], range: 'api-keys 0-0/1' });
    expect((await search('CHATBOT-MUNICIPAL')).names).toEqual(['Borne']);
    expect((await search('aucune clé de ce nom')).names).toEqual([]);
    // A search of accents alone finds nothing, as in the other lists (it folded to an empty search: every key).
    expect((await search('\u0301')).names).toEqual([]);
  });
});
