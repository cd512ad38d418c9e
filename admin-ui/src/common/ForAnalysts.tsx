import { useEffect, type ComponentType } from 'react';
import { may, type Action } from '../layout/access';
import {
  type Identifier,
  useGetIdentity,
  useGetRecordId,
  useNotify,
  useRedirect,
  useResourceContext,
} from 'react-admin';

/**
 * Whether the signed-in user writes drafts: the API lets analysts alone create a rule set, prompt or experiment
 * and edit its draft. Undefined while the identity is read, so no form flashes before the answer.
 */
function useMay(action: Action): boolean | undefined {
  const { identity, isPending, error } = useGetIdentity();
  if (isPending || error) return undefined;
  return may(action, identity?.['roles'] as string[] | undefined);
}

/**
 * Whether to draw a page only analysts may use; anyone else is taken to `where` (the page they can read) with
 * `notice`, since the API would refuse their save with a 403 after they had typed.
 */
function useAnalystsOnly(
  notice: string,
  where: 'show' | 'list',
  id?: Identifier,
  action: Action = 'writeDrafts',
): boolean {
  const analyst = useMay(action);
  const resource = useResourceContext();
  const redirect = useRedirect();
  const notify = useNotify();
  useEffect(() => {
    if (analyst !== false) return;
    notify(notice, { type: 'warning' });
    redirect(where, resource, id);
  }, [analyst, resource, id, notice, where, notify, redirect]);
  return analyst === true;
}

/** A draft editor, for analysts. Others reach it only by URL (no button leads there). */
export function editForAnalysts(Editor: ComponentType): ComponentType {
  const AnalystEdit = () => {
    // Read here, not in the shared hook: on a creation form there is no id and useGetRecordId throws.
    const id = useGetRecordId();
    return useAnalystsOnly('gabarit.lifecycle.analysts_only_edit', 'show', id) ? <Editor /> : null;
  };
  return AnalystEdit;
}

/** A creation form, for analysts; others are taken back to the list. */
export function createForAnalysts(Form: ComponentType): ComponentType {
  const AnalystCreate = () => (useAnalystsOnly('gabarit.lifecycle.analysts_only_create', 'list') ? <Form /> : null);
  return AnalystCreate;
}

/** A reference table's creation form, for those who edit tables (analysts and admins); others go back to the list. */
export function createForTableEditors(Form: ComponentType): ComponentType {
  const TableCreate = () =>
    useAnalystsOnly('gabarit.reference_tables.create_not_allowed', 'list', undefined, 'editReferenceTables') ? (
      <Form />
    ) : null;
  return TableCreate;
}
