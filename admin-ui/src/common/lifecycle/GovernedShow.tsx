import { Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { EditButton, TopToolbar, useGetIdentity, useShowContext } from 'react-admin';
import { RollbackButton } from './RollbackButton';
import type { UseSubmitBlock, VersionAction, VersionRecord } from './version-actions';
import { VersionHistory } from './VersionHistory';
import { may } from '../../layout/access';

interface GovernedRecord {
  id: string;
  key: string;
  activeVersion: number | null;
  versions: VersionRecord[];
}

/** The top bar of a governed resource's page: rollback for approvers, editing the draft for analysts. */
export const GovernedShowActions = ({
  resource,
  editLabel,
}: {
  resource: 'rulesets' | 'prompts';
  editLabel: string;
}) => {
  const { record } = useShowContext<GovernedRecord>();
  const { identity } = useGetIdentity();
  if (!record) return null;
  const isAnalyst = may('writeDrafts', identity?.['roles'] as string[] | undefined);
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        <RollbackButton
          resource={resource}
          id={record.key}
          versions={record.versions}
          activeVersion={record.activeVersion}
        />
        {/* Without a draft, editing starts one from the version in force: the button says so. */}
        {isAnalyst && (
          <EditButton
            label={record.versions.some((v) => v.status === 'draft') ? editLabel : 'gabarit.lifecycle.create_draft'}
          />
        )}
      </Stack>
    </TopToolbar>
  );
};

/** The version history of the governed resource shown on this page. */
export const GovernedVersions = ({
  resource,
  reviewDetails,
  useSubmitBlock,
  statusNote,
}: {
  resource: 'rulesets' | 'prompts' | 'experiments';
  /** What the status alone would not say of a version (a prompt's version still served by an experiment). */
  statusNote?: (version: number) => string | undefined;
  /** What a transition's dialog shows about the version (a prompt's latest evaluation run). */
  reviewDetails?: (version: number, action: VersionAction) => ReactNode;
  /** What keeps a version from being submitted before asking the API (a rule set's analysis errors). */
  useSubmitBlock?: UseSubmitBlock;
}) => {
  const { record } = useShowContext<GovernedRecord>();
  return record ? (
    <VersionHistory
      resource={resource}
      id={record.key}
      reviewDetails={reviewDetails}
      useSubmitBlock={useSubmitBlock}
      statusNote={statusNote}
    />
  ) : null;
};
