import { useEffect, type ComponentType } from 'react';
import { useGetIdentity, useGetRecordId, useNotify, useRedirect, useResourceContext } from 'react-admin';

/**
 * Whether the signed-in user writes drafts: the API lets analysts alone create a rule set, prompt or experiment
 * and edit its draft. Undefined while the identity is read, so no form flashes before the answer.
 */
function useIsAnalyst(): boolean | undefined {
  const { identity, isPending, error } = useGetIdentity();
  if (isPending || error) return undefined;
  return ((identity?.['roles'] as string[] | undefined) ?? []).includes('analyst');
}

/**
 * A draft editor, for analysts. Others reach it only by URL (no button leads there); the API would refuse their
 * save with a 403 after they had typed, so they are taken to the page they can read, told why.
 */
export function editForAnalysts(Editor: ComponentType): ComponentType {
  const AnalystEdit = () => {
    const analyst = useIsAnalyst();
    const resource = useResourceContext();
    const id = useGetRecordId();
    const redirect = useRedirect();
    const notify = useNotify();
    useEffect(() => {
      if (analyst !== false) return;
      notify('gabarit.lifecycle.analysts_only_edit', { type: 'warning' });
      redirect('show', resource, id);
    }, [analyst, resource, id, notify, redirect]);
    return analyst ? <Editor /> : null;
  };
  return AnalystEdit;
}

/** A creation form, for analysts; others are taken back to the list, told why (as editForAnalysts). */
export function createForAnalysts(Form: ComponentType): ComponentType {
  const AnalystCreate = () => {
    const analyst = useIsAnalyst();
    const resource = useResourceContext();
    const redirect = useRedirect();
    const notify = useNotify();
    useEffect(() => {
      if (analyst !== false) return;
      notify('gabarit.lifecycle.analysts_only_create', { type: 'warning' });
      redirect('list', resource);
    }, [analyst, resource, notify, redirect]);
    return analyst ? <Form /> : null;
  };
  return AnalystCreate;
}
