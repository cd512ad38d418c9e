import { Show, TabbedShowLayout, TextField, useShowContext } from 'react-admin';
import { GovernedShowActions, GovernedVersions } from '../common/lifecycle/GovernedShow';
import { useAnalysisSubmitBlock } from './analysis/analysis-model';
import { VersionAnalysis } from './analysis/VersionAnalysis';
import { ShadowSummary } from './shadow/ShadowSummary';
import { ShadowTab } from './shadow/ShadowTab';
import type { ShadowableVersion } from './shadow/use-shadow';
import { TryIt } from './TryIt';
import { VersionDiff } from './VersionDiff';
import { RecordHeading } from '../common/PageHeadings';

/**
 * In the approve and publish dialogs: how the version decided beside the one in force on live traffic, so an
 * approver does not approve a version diverging on 40 % of decisions from a dialog that said nothing of it.
 */
const ShadowForReview = ({ version }: { version: number }) => {
  const { record } = useShowContext<{ id: string; key: string; versions: ShadowableVersion[] }>();
  const found = record?.versions.find((v) => v.number === version);
  return record && found ? <ShadowSummary rulesetKey={record.key} version={found} /> : null;
};

/**
 * A rule set: what it is, its versions with their review and static analysis, a diff between any two, and Try it; and in its own tab,
 * a version under review compared live with the version in force (shadow run).
 */
export const RulesetShow = () => (
  <Show actions={<GovernedShowActions resource="rulesets" editLabel="gabarit.editors.edit_draft" />}>
    <RecordHeading />
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="gabarit.shadow.details_tab">
        <TextField source="key" />
        <TextField source="name" />
        <TextField source="description" />
        <TextField source="activeVersion" />
        <GovernedVersions
          resource="rulesets"
          useSubmitBlock={useAnalysisSubmitBlock}
          reviewDetails={(version, action) =>
            action === 'approve' || action === 'publish' ? <ShadowForReview version={version} /> : null
          }
        />
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
