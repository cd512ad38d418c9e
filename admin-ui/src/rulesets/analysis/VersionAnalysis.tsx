import { MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useShowContext, useTranslate } from 'react-admin';
import { useResourceRead } from '../../common/use-resource-read';
import { ExportDmnButton } from '../dmn/ExportDmnButton';
import { useVersionAnalysis } from './analysis-model';
import { AnalysisPanel } from './AnalysisPanel';
import { useStatusWords } from '../../common/lifecycle/status-words';

interface RulesetRecord {
  id: string;
  key: string;
  format: string;
  activeVersion: number | null;
  draftVersion: number | null;
  versions: { number: number; status: string; checksum?: string }[];
}

/**
 * The static analysis of one version on the rule set's page, for its review: the version in review by default,
 * else the one approved and not yet published, else the draft, else the one in force; and, for a decision table,
 * its DMN file.
 */
export const VersionAnalysis = () => {
  const { record } = useShowContext<RulesetRecord>();
  const translate = useTranslate();
  const statusWords = useStatusWords();
  const [chosen, setChosen] = useState<number | undefined>();
  const versions = [...(record?.versions ?? [])].sort((a, b) => b.number - a.number);
  // The version someone is about to decide on: in review, or approved and waiting to be published (whoever
  // clicks Publier read the findings of the version it replaces).
  const reviewed =
    versions.find((v) => v.status === 'in_review')?.number ??
    versions.find((v) => v.status === 'approved')?.number ??
    record?.draftVersion ??
    record?.activeVersion ??
    versions[0]?.number;
  const version = chosen !== undefined && versions.some((v) => v.number === chosen) ? chosen : reviewed;
  // Read again when the version changes (a saved draft has a new checksum).
  const stamp = versions.find((v) => v.number === version)?.checksum;
  const analysis = useVersionAnalysis(record?.key, version, stamp);
  const read = useResourceRead<{ content?: { definition?: unknown } }>(
    'rulesets',
    record?.key,
    version === undefined ? undefined : `versions/${version}`,
    stamp,
  );
  if (!record || version === undefined) return null;
  return (
    <AnalysisPanel
      version={version}
      analysis={analysis}
      definition={read.data?.content?.definition}
      notice={
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <TextField
            select
            size="small"
            label={translate('gabarit.analysis.version')}
            value={version}
            onChange={(e) => setChosen(Number(e.target.value))}
            sx={{ width: 280 }}
          >
            {versions.map((v) => (
              <MenuItem key={v.number} value={v.number}>
                {translate('gabarit.try.version_status', {
                  version: v.number,
                  status: statusWords(v),
                })}
              </MenuItem>
            ))}
          </TextField>
          {record.format === 'decisionTable' && <ExportDmnButton rulesetKey={record.key} version={version} />}
        </Stack>
      }
    />
  );
};
