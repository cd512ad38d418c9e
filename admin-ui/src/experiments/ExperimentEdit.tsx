import { Alert, CircularProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext, useTranslate } from 'react-admin';
import { problemHeadline, toProblem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { httpClient } from '../dataProvider';
import { fromContent, toDraftRequest, type ExperimentContent, type ExperimentFormValues } from './experiment-form';
import { useExperimentSubmit } from './useExperimentSubmit';
import { VariantsInput } from './VariantsInput';

interface ExperimentRecord {
  id: string;
  key: string;
  activeVersion: number | null;
  draftVersion: number | null;
  latestVersion: number;
}

/** The draft's content (or the version in force's, which a first edit copies) with the ETag that guards the edit. */
function useDraftBase(record: ExperimentRecord | undefined) {
  const [base, setBase] = useState<{ content: ExperimentContent; etag: string } | { error: string } | undefined>();
  const translate = useTranslate();
  const key = record?.key;
  const number = record ? (record.draftVersion ?? record.activeVersion ?? record.latestVersion) : undefined;
  // Keyed on the version, not the record: a background refetch must not reset what the analyst is typing.
  useEffect(() => {
    if (key === undefined || number === undefined) return;
    httpClient(`/api/v1/experiments/${key}/versions/${number}`).then(
      ({ json, headers }) =>
        setBase({ content: (json as { content: ExperimentContent }).content, etag: headers.get('etag') ?? '' }),
      (err: unknown) => setBase({ error: problemHeadline(toProblem(err), translate) }),
    );
  }, [key, number, translate]);
  return base;
}

const DraftForm = () => {
  const record = useRecordContext<ExperimentRecord>();
  const translate = useTranslate();
  const base = useDraftBase(record);
  const { send, problem, clearProblem } = useExperimentSubmit();
  if (!record || !base) return <CircularProgress sx={{ m: 2 }} aria-label={translate('ra.page.loading')} />;
  if ('error' in base) return <Alert severity="error">{base.error}</Alert>;
  const draftNumber = record.draftVersion ?? record.latestVersion + 1;
  const submit = (values: ExperimentFormValues) =>
    send({
      url: `/api/v1/experiments/${record.key}/draft`,
      method: 'PUT',
      body: toDraftRequest(values),
      headers: { 'If-Match': base.etag },
      key: record.key,
      done: 'gabarit.experiments.saved',
    });
  return (
    <SimpleForm
      onSubmit={submit}
      record={{ id: record.id, ...fromContent(base.content) }}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <Typography variant="body2">{translate('gabarit.experiments.edit_base', { version: draftNumber })}</Typography>
      {problem && <ProblemAlert problem={problem} onClose={clearProblem} />}
      <Typography variant="body1" sx={{ mt: 2 }}>
        {translate('gabarit.experiments.prompt_is')} <strong>{base.content.prompt}</strong>
      </Typography>
      <VariantsInput prompt={base.content.prompt} />
    </SimpleForm>
  );
};

const Title = () => {
  const record = useRecordContext<ExperimentRecord>();
  const translate = useTranslate();
  return <span>{record ? translate('gabarit.experiments.edit_title', { key: record.key }) : ''}</span>;
};

/** Edits the draft's variants, weights and coverage (name, key and prompt are fixed once created). */
export const ExperimentEdit = () => (
  <Edit title={<Title />} actions={false}>
    <DraftForm />
  </Edit>
);
