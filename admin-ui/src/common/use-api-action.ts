import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { httpClient } from '../dataProvider';
import { problemHeadline, toProblem } from './api-error';

/**
 * A button's POST to the API (a lifecycle transition, a rollback, a stop): busy while it runs, a success message
 * and a refresh of the page's data after, the API's error in words otherwise. Resolves true on success.
 */
export function useApiAction() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async (
    url: string,
    body: object,
    success: string,
    messageArgs?: Record<string, unknown>,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      await httpClient(url, { method: 'POST', body: JSON.stringify(body) });
      notify(success, { type: 'success', messageArgs });
      refresh();
      return true;
    } catch (err) {
      notify(problemHeadline(toProblem(err), translate), { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
