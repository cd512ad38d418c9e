import { fetchUtils } from 'react-admin';
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
      for (const detail of details as ApiDetail[]) {
        if (typeof detail.message === 'string')
          detail.message = wordDetail(detail, translate, i18nProvider.getLocale());
      }
    }
    throw err;
  }
};

export const dataProvider = simpleRestProvider('/api/v1', httpClient);
