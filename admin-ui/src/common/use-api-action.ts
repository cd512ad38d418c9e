import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { GabaritDataProvider } from '../dataProvider';
import { problemHeadline, toProblem, type Problem } from './api-error';

interface Command {
  id: string;
  /** The path after the resource's URL: `versions/3/approve`, `rollback`, `stop`. */
  command: string;
  body: object;
  /** The message shown once it succeeded, and its arguments. */
  success: string;
  messageArgs?: Record<string, unknown>;
}

/**
 * A button's command on a governed resource (a lifecycle transition, a rollback, a stop), through the data
 * provider: busy while it runs, a success message and the resource's queries refetched after (not the whole
 * page's), the API's error in words otherwise. `run` resolves true on success.
 */
export function useApiAction(resource: string) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GabaritDataProvider>();
  const invalidate = useInvalidate(resource);
  const mutation = useMutation({
    mutationFn: ({ id, command, body }: Command) => dataProvider.command(resource, { id, command, body }),
    onSuccess: invalidate,
  });
  const run = async (command: Command): Promise<boolean> => {
    try {
      await mutation.mutateAsync(command);
      notify(command.success, { type: 'success', messageArgs: command.messageArgs });
      return true;
    } catch (err) {
      const problem = toProblem(err);
      // Worded already: react-admin would look the sentence up as a translation key (`_` is its own text).
      const said = [problemHeadline(problem, translate), ...why(problem, command, translate)].join(' ');
      notify(said, { type: 'error', messageArgs: { _: said } });
      // A conflict says the page is behind (another person acted meanwhile): it is read again.
      if (problem.status === 409 || problem.status === 412) invalidate();
      return false;
    }
  };
  return { run, busy: mutation.isPending };
}

/**
 * Refetches a resource's queries (its record, list and versions), not the whole page's, after a change:
 * react-admin and useResourceRead key their queries by resource first.
 */
export function useInvalidate(resource: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: [resource] }), [queryClient, resource]);
}

/**
 * What the API's details add to the headline, worded already (dataProvider): « Version 2 est à l'état
 * « Brouillon » » after « Cette action n'est pas possible… », which alone did not say what had changed.
 */
function why(problem: Problem, command: Command, translate: (key: string, options?: object) => string): string[] {
  const version = /^versions\/(\d+)\//.exec(command.command)?.[1];
  return problem.details.slice(0, 2).map((detail) => {
    const subject =
      detail.path === '/version' && version ? translate('gabarit.lifecycle.version_n', { version }) : undefined;
    const sentence = subject ? `${subject} ${detail.message}` : detail.message;
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${/[.!?]$/.test(sentence) ? '' : '.'}`;
  });
}
