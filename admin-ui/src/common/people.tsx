import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ResponseOf } from '../api/types';
import type { GabaritDataProvider } from '../dataProvider';

type Person = ResponseOf<'/api/v1/people', 'get'>[number];

/**
 * The staff directory (GET /api/v1/people), read once and kept a few minutes. The API records who acted by
 * username, the identity that never changes; people know each other by name.
 */
export function usePeople(): Map<string, string> | undefined {
  const dataProvider = useDataProvider<GabaritDataProvider>();
  return useQuery({
    queryKey: ['people'],
    queryFn: async () => {
      const people = (await dataProvider.readPath('people')) as Person[];
      return new Map(people.map((p) => [p.username, p.displayName]));
    },
    staleTime: 5 * 60_000,
  }).data;
}

/**
 * A function giving a username's display name: the service's own names in words (`seed`: the files loaded at
 * the first start), and the username itself while the directory loads, or for an account since removed.
 */
export function usePersonName(): (username: string) => string {
  const people = usePeople();
  const translate = useTranslate();
  return (username) =>
    people?.get(username) ??
    (SYSTEM_ACTORS.includes(username) ? translate(`gabarit.audit.system_actors.${username}`) : username);
}

/** Who acts when no person does: the seed at the first start, the lockout of an account. */
const SYSTEM_ACTORS = ['seed', 'system'];

/** A person by name, their username on hover (to search the trail with it); `showId` writes it out instead. */
export const PersonName = ({ username, showId = false }: { username: string; showId?: boolean }) => {
  const name = usePersonName()(username);
  if (name === username) return <>{username}</>;
  return showId ? <>{`${name} (${username})`}</> : <span title={username}>{name}</span>;
};

/** A record's username field as the person's name, for lists and show pages. */
export const PersonField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const username = record?.[source];
  return typeof username === 'string' ? <PersonName username={username} /> : null;
};
