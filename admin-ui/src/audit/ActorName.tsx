import { useGetList, useTranslate } from 'react-admin';
import { PersonName } from '../common/people';

const API_KEY_PREFIX = 'api-key:';

/**
 * Who did it, as a reader knows them. A system's actions are recorded under its key's id (`api-key:<id>`), which
 * stays the identity (names may repeat); the name the key was given is read from the trail's own `api_key.created`
 * event, so a risk officer (who may not list keys) sees « Clé API « Portail assurés » », and the id on hover in a list or
 * written out (`showId`) in one event's detail. A person appears by their display name (see PersonName). A
 * failed sign-in is recorded under the username typed, which nobody proved: it is shown as typed, as such (the
 * display name had read as if that person had acted).
 */
export const ActorName = ({ actor, action, showId = false }: { actor: string; action?: string; showId?: boolean }) => {
  const keyId = actor.startsWith(API_KEY_PREFIX) ? actor.slice(API_KEY_PREFIX.length) : undefined;
  const translate = useTranslate();
  const { data } = useGetList<{ id: string; details?: { name?: unknown } }>(
    'audit',
    {
      filter: { resourceType: 'api_key', resourceKey: keyId, action: 'api_key.created' },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'seq', order: 'ASC' },
    },
    { enabled: keyId !== undefined, staleTime: 5 * 60_000 },
  );
  const name = data?.[0]?.details?.name;
  // An unknown name is recorded as a keyed pseudonym (auth.service.ts): no typing error is kept in clear.
  if (action === 'auth.login_failed')
    return (
      <>
        {actor.startsWith('unknown-user:')
          ? translate('gabarit.audit.unknown_username', { id: actor.slice('unknown-user:'.length) })
          : translate('gabarit.audit.typed_username', { username: actor })}
      </>
    );
  if (keyId === undefined) return <PersonName username={actor} showId={showId} />;
  if (typeof name !== 'string') return <>{actor}</>;
  const named = translate('gabarit.audit.api_key_actor', { name });
  // Names may repeat: where one event is read closely, the id it acted under is written out, to be copied.
  return showId ? <>{`${named} (${actor})`}</> : <span title={actor}>{named}</span>;
};
