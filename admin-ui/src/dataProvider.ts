import { fetchUtils, type GetManyParams, type GetManyResult, type RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { wordDetail, type ApiDetail } from './common/detail-wording';
import { i18nProvider } from './i18n/i18nProvider';
import { readSession } from './session';

/**
 * Every API call carries the session token. A failed call keeps the server's error body, with its field-level
 * messages worded in the console's language, so every screen shows them the same way.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const session = readSession();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (err) {
    const details = (err as { body?: { details?: unknown } }).body?.details;
    if (Array.isArray(details)) {
      const translate = i18nProvider.translate as (key: string, options?: Record<string, unknown>) => string;
      const locale = i18nProvider.getLocale();
      for (const detail of details as (ApiDetail & { lang?: 'en' })[]) {
        if (typeof detail.message !== 'string') continue;
        const worded = wordDetail(detail, translate, locale);
        // No wording knew it: the API's English stays, and screens mark it as English (lang="en").
        if (worded === detail.message && locale !== 'en') detail.lang = 'en';
        detail.message = worded;
      }
      listQueryRefused(url, options, err as { message: string; body: { error?: unknown; details: ApiDetail[] } });
    }
    throw err;
  }
};

/**
 * A list whose filters the API refuses shows the error's message in a notification: it was the API's English
 * (« The list query is invalid. ») in the French console (a console review). It is said in the console's language,
 * each refused filter named by its label: « Cette recherche ne peut pas être faite : Ressource : … ».
 */
function listQueryRefused(
  url: string,
  options: fetchUtils.Options,
  err: { message: string; body: { error?: unknown; details: ApiDetail[] } },
): void {
  if ((options.method ?? 'GET') !== 'GET' || err.body.error !== 'validation_failed') return;
  const resource = /\/api\/v1\/([^/?]+)/.exec(url)?.[1];
  if (resource === undefined || err.body.details.length === 0) return;
  const translate = i18nProvider.translate as (key: string, options?: Record<string, unknown>) => string;
  const details = err.body.details.map((detail) => {
    const field = (detail.path ?? '').split('/').pop() ?? '';
    const label = translate(`resources.${resource}.fields.${field}`, { _: field });
    return translate('gabarit.errors.list_query_detail', { field: label, message: detail.message });
  });
  err.message = translate('gabarit.errors.list_query_invalid', { details: details.join(' ; ') });
  (err as { listQueryRefused?: boolean }).listQueryRefused = true; // the list says it in place of its rows
}

const path = (resource: string, id: string) => `/api/v1/${resource}/${encodeURIComponent(id)}`;

/** What the governed draft editors load: the resource, the ETag guarding its draft, the version shown and its content. */
export interface DraftRead<Content = unknown, Record = unknown> {
  record: Record;
  etag: string;
  version: number;
  isDraft: boolean;
  content: Content;
}

/** A record as read, with the ETag a change must send back as If-Match. */
export interface TaggedRead<T = unknown> {
  data: T;
  etag: string;
}

/**
 * react-admin's REST provider for lists and records, plus what it has no verb for: records read with their ETag
 * and changed with If-Match (governed drafts, reference tables), reads under a record or under the API, and
 * commands (transitions, publish, rollback, stop, test) and removals under a record (a shadow run).
 */
const rest = simpleRestProvider('/api/v1', httpClient);

export const dataProvider = {
  ...rest,

  /**
   * The records a reference shows (a filter's chosen rule set), each read by its id: the REST provider asks the
   * list for `filter={"id":[…]}`, which no list of the API takes (each takes only its own filters).
   */
  async getMany<RecordType extends RaRecord = RaRecord>(
    resource: string,
    params: GetManyParams<RecordType>,
  ): Promise<GetManyResult<RecordType>> {
    const records = await Promise.all(params.ids.map((id) => rest.getOne<RecordType>(resource, { id })));
    return { data: records.map((r) => r.data) };
  },

  /** GET …/{id} with its ETag: react-admin's getOne drops the response headers. */
  async getWithEtag<T>(resource: string, id: string): Promise<TaggedRead<T>> {
    const { json, headers } = await httpClient(path(resource, id));
    return { data: json as T, etag: headers.get('etag') ?? '' };
  },

  /**
   * A change guarded by If-Match, on the record (`path` '') or under it (`rows`, `pending/approve`): a stale ETag
   * fails with the API's 412 `stale_etag`, never overwriting. Answers the record as it now is, with its new ETag.
   */
  async changeWithEtag<T>(
    resource: string,
    params: { id: string; path: string; method: 'PUT' | 'POST' | 'DELETE'; etag: string; body?: object },
  ): Promise<TaggedRead<T>> {
    const url = params.path ? `${path(resource, params.id)}/${params.path}` : path(resource, params.id);
    const { json, headers } = await httpClient(url, {
      method: params.method,
      headers: new Headers({ Accept: 'application/json', 'Content-Type': 'application/json', 'If-Match': params.etag }),
      ...(params.body && { body: JSON.stringify(params.body) }),
    });
    return { data: json as T, etag: headers.get('etag') ?? '' };
  },

  /** The draft (or the version a new draft starts from) with the ETag a save must send back. */
  async getDraft<
    Content,
    Record extends { draftVersion: number | null; activeVersion: number | null; latestVersion: number },
  >(resource: string, id: string): Promise<DraftRead<Content, Record>> {
    const { data: record, etag } = await dataProvider.getWithEtag<Record>(resource, id);
    const version = record.draftVersion ?? record.activeVersion ?? record.latestVersion;
    const read = (await dataProvider.read(resource, { id, path: `versions/${version}` })) as { content: Content };
    return { record, etag, version, isDraft: record.draftVersion !== null, content: read.content };
  },

  /** PUT …/draft with If-Match: a stale ETag fails with the API's 412 `stale_etag`, never overwriting. */
  async updateDraft(resource: string, params: { id: string; data: object; etag: string }): Promise<unknown> {
    const { id, data, etag } = params;
    return (await dataProvider.changeWithEtag(resource, { id, path: 'draft', method: 'PUT', etag, body: data })).data;
  },

  /** A read under one resource that is not its record: GET …/{path} (versions/3, results, diff?from=1&to=2). */
  async read(resource: string, params: { id: string; path: string }): Promise<unknown> {
    return (await httpClient(`${path(resource, params.id)}/${params.path}`)).json;
  },

  /** A read that belongs to no one record: GET /api/v1/{apiPath} (audit/verify, schemas/rulesets). */
  async readPath(apiPath: string): Promise<unknown> {
    return (await httpClient(`/api/v1/${apiPath}`)).json;
  },

  /**
   * A file under one resource as the API writes it (versions/3/dmn): its text as a Blob of the answer's media type,
   * and the file name its Content-Disposition suggests.
   */
  async download(
    resource: string,
    params: { id: string; path: string; accept: string },
  ): Promise<{ blob: Blob; filename: string | undefined }> {
    const { body, headers } = await httpClient(`${path(resource, params.id)}/${params.path}`, {
      headers: new Headers({ Accept: params.accept }),
    });
    const filename = /filename="?([^";]+)"?/.exec(headers.get('content-disposition') ?? '')?.[1];
    return { blob: new Blob([body], { type: headers.get('content-type') ?? params.accept }), filename };
  },

  /** POST /api/v1/{apiPath} with a body that is not JSON (a DMN file as XML); answers the API's JSON. */
  async postText(apiPath: string, params: { body: string | Blob; contentType: string }): Promise<unknown> {
    const { json } = await httpClient(`/api/v1/${apiPath}`, {
      method: 'POST',
      headers: new Headers({ Accept: 'application/json', 'Content-Type': params.contentType }),
      body: params.body,
    });
    return json;
  },

  /** Ends something under one resource: DELETE …/{path} (versions/2/shadow). The API answers 204, no body. */
  async removeUnder(resource: string, params: { id: string; path: string }): Promise<void> {
    await httpClient(`${path(resource, params.id)}/${params.path}`, { method: 'DELETE' });
  },

  /** A command on one resource: POST …/{command} (versions/3/approve, rollback, stop, versions/2/test). */
  async command(resource: string, params: { id: string; command: string; body?: object }): Promise<unknown> {
    const { json } = await httpClient(`${path(resource, params.id)}/${params.command}`, {
      method: 'POST',
      body: JSON.stringify(params.body ?? {}),
    });
    return json;
  },
};

export type GabaritDataProvider = typeof dataProvider;
