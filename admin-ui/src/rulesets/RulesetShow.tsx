import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { GovernedShowActions, GovernedVersions } from '../common/lifecycle/GovernedShow';
import { VersionAnalysis } from './analysis/VersionAnalysis';
import { TryIt } from './TryIt';
import { VersionDiff } from './VersionDiff';

/** A rule set: what it is, its versions with their review and static analysis, a diff between any two, and Try it. */
export const RulesetShow = () => (
  <Show actions={<GovernedShowActions resource="rulesets" editLabel="gabarit.editors.edit_draft" />}>
    <SimpleShowLayout>
      <TextField source="key" />
      <TextField source="name" />
      <TextField source="description" />
      <TextField source="activeVersion" />
      <GovernedVersions resource="rulesets" />
      <VersionAnalysis />
      <VersionDiff />
      <TryIt />
    </SimpleShowLayout>
  </Show>
);
