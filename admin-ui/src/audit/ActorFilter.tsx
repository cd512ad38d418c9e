import { AutocompleteInput } from 'react-admin';
import { usePeople } from '../common/people';

/**
 * The audit trail's « Acteur » filter: people are chosen by the name the list shows (« Approbatrice (démo) »),
 * the trail being searched by their username; any other actor (an API key, `system:…`) can be typed as it is.
 * A free text field matched usernames only, so the names the list shows found nothing.
 */
export const ActorFilter = ({ source, alwaysOn }: { source: string; alwaysOn?: boolean }) => {
  const people = usePeople();
  const choices = [...(people ?? new Map<string, string>())].map(([id, name]) => ({ id, name: `${name} (${id})` }));
  return (
    <AutocompleteInput
      source={source}
      alwaysOn={alwaysOn}
      choices={choices}
      isPending={people === undefined}
      onCreate={(typed?: string) => {
        const actor = typed?.trim() ?? '';
        const choice = { id: actor, name: actor };
        choices.push(choice);
        return choice;
      }}
      createItemLabel="gabarit.audit.actor_other"
      sx={{ minWidth: 260 }}
    />
  );
};
