import { CreateButton, FilterButton, TopToolbar, useGetIdentity } from 'react-admin';

/** A list's top bar: its filters, and Create for the roles that may create (analysts by default). */
export const CreateForRoles = ({ roles = ['analyst'], filters = false }: { roles?: string[]; filters?: boolean }) => {
  const { identity } = useGetIdentity();
  const mine = (identity?.['roles'] as string[] | undefined) ?? [];
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {mine.some((role) => roles.includes(role)) && <CreateButton />}
    </TopToolbar>
  );
};
