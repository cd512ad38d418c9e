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
 * Whether the signed-in user may carry out the action (analysts alone write drafts; analysts and admins edit
 * reference tables). Undefined while the identity is read, so no form flashes before the answer.
 */
function useMay(action: Action): boolean | undefined {
  const { identity, isPending, error } = useGetIdentity();
  if (isPending || error) return undefined;
  return may(action, identity?.['roles'] as string[] | undefined);
}

/**
 * Whether to draw a page only those who may carry out `action` use; anyone else is taken to `where` (the page
 * they can read) with `notice`, since the API would refuse their save with a 403 after they had typed.
 */
function useOnlyFor(action: Action, notice: string, where: 'show' | 'list', id?: Identifier): boolean {
  const allowed = useMay(action);
  const resource = useResourceContext();
  const redirect = useRedirect();
  const notify = useNotify();
  useEffect(() => {
    if (allowed !== false) return;
    notify(notice, { type: 'warning' });
    redirect(where, resource, id);
  }, [allowed, resource, id, notice, where, notify, redirect]);
  return allowed === true;
}

/** A draft editor, for analysts. Others reach it only by URL (no button leads there). */
export function editForAnalysts(Editor: ComponentType): ComponentType {
  const AnalystEdit = () => {
    // Read here, not in the shared hook: on a creation form there is no id and useGetRecordId throws.
    const id = useGetRecordId();
    return useOnlyFor('writeDrafts', 'gabarit.lifecycle.analysts_only_edit', 'show', id) ? <Editor /> : null;
  };
  return AnalystEdit;
}

/** A creation form for those who may carry out `action`; others are taken back to the list with `notice`. */
function createFor(Form: ComponentType, action: Action, notice: string): ComponentType {
  const Create = () => (useOnlyFor(action, notice, 'list') ? <Form /> : null);
  return Create;
}

/** A rule set's, prompt's or experiment's creation form, for analysts. */
export const createForAnalysts = (Form: ComponentType) =>
  createFor(Form, 'writeDrafts', 'gabarit.lifecycle.analysts_only_create');

/** A reference table's creation form, for those who edit tables (analysts and admins). */
export const createForTableEditors = (Form: ComponentType) =>
  createFor(Form, 'editReferenceTables', 'gabarit.reference_tables.create_not_allowed');
