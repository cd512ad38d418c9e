import { CreateButton, FilterButton, TopToolbar, useGetIdentity } from 'react-admin';
import { may, type Action } from '../layout/access';

/** A list's top bar: its filters, and Create for those who may carry out `action` (writing drafts by default). */
export const CreateForRoles = ({ action = 'writeDrafts', filters = false }: { action?: Action; filters?: boolean }) => {
  const { identity } = useGetIdentity();
  const mine = identity?.['roles'] as string[] | undefined;
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {may(action, mine) && <CreateButton />}
    </TopToolbar>
  );
};
