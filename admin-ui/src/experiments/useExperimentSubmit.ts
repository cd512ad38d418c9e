import { useState } from 'react';
import { useNotify, useRedirect } from 'react-admin';
import { toProblem, type Problem } from '../common/api-error';
import { httpClient } from '../dataProvider';
import { fieldErrors } from './experiment-form';

interface Call {
  url: string;
  method: 'POST' | 'PUT';
  body: object;
  headers?: Record<string, string>;
  key: string;
  done: string;
}

/**
 * Sends a form to the API and, when it refuses, returns each problem keyed by its field so react-admin shows it
 * there; what belongs to no field is kept for the alert above the form.
 */
export function useExperimentSubmit() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [problem, setProblem] = useState<Problem | undefined>();
  const send = async ({ url, method, body, headers, key, done }: Call): Promise<Record<string, string> | undefined> => {
    setProblem(undefined);
    try {
      await httpClient(url, {
        method,
        body: JSON.stringify(body),
        headers: new Headers({ Accept: 'application/json', ...headers }),
      });
      notify(done, { type: 'success' });
      redirect('show', 'experiments', key);
      return undefined;
    } catch (err) {
      const found = toProblem(err);
      const { fields, rest } = fieldErrors(found);
      setProblem({ ...found, details: rest });
      return fields;
    }
  };
  return { send, problem, clearProblem: () => setProblem(undefined) };
}
