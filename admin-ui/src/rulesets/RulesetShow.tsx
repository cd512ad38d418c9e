import { Show, TabbedShowLayout, TextField } from 'react-admin';
import { GovernedShowActions, GovernedVersions } from '../common/lifecycle/GovernedShow';
import { useAnalysisSubmitBlock } from './analysis/analysis-model';
import { VersionAnalysis } from './analysis/VersionAnalysis';
import { ShadowTab } from './shadow/ShadowTab';
import { TryIt } from './TryIt';
import { VersionDiff } from './VersionDiff';

/**
 * A rule set: what it is, its versions with their review and static analysis, a diff between any two, and Try it; and in its own tab,
 * a version under review compared live with the version in force (shadow run).
 */
export const RulesetShow = () => (
  <Show actions={<GovernedShowActions resource="rulesets" editLabel="gabarit.editors.edit_draft" />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="gabarit.shadow.details_tab">
        <TextField source="key" />
        <TextField source="name" />
        <TextField source="description" />
        <TextField source="activeVersion" />
        <GovernedVersions resource="rulesets" useSubmitBlock={useAnalysisSubmitBlock} />
        <VersionAnalysis />
        <VersionDiff />
        <TryIt />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="gabarit.shadow.tab" path="shadow">
        <ShadowTab />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
