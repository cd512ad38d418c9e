import { useState } from 'react';
import { useCreate, useNotify, useRedirect } from 'react-admin';
import type { RequestOf } from '../api/types';
import { toProblem, type Problem } from '../common/api-error';
import { fieldErrors } from './experiment-form';

interface Call {
  body: RequestOf<'/api/v1/experiments', 'post'>;
  /** The message shown once it is created. */
  done: string;
}

/**
 * Creates an experiment through react-admin's create (the experiments list is read again after) and, when the API
 * refuses, returns each problem keyed by its field so react-admin shows it there; what belongs to no field is kept
 * for the alert above the form.
 */
export function useExperimentSubmit() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [create] = useCreate();
  const [problem, setProblem] = useState<Problem | undefined>();
  const send = async ({ body, done }: Call): Promise<Record<string, string> | undefined> => {
    setProblem(undefined);
    try {
      await create('experiments', { data: body }, { returnPromise: true });
      notify(done, { type: 'success' });
      redirect('show', 'experiments', body.key);
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
