import { CircularProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Edit,
  SaveButton,
  SimpleForm,
  Toolbar,
  useGetRecordId,
  useNotify,
  useRedirect,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { ConflictDialog } from '../common/drafts/ConflictDialog';
import { useGovernedDraft, type DraftShape } from '../common/drafts/use-governed-draft';
import { ProblemAlert } from '../common/ProblemAlert';
import { RestoreBanner } from '../common/RestoreBanner';
import { UnsavedChangesGuard } from '../common/UnsavedChangesGuard';
import {
  fieldErrors,
  fieldWords,
  fromContent,
  toDraftRequest,
  type ExperimentContent,
  type ExperimentFormValues,
} from './experiment-form';
import { VariantsInput } from './VariantsInput';

/** The form edits variants and coverage (as a percentage); a save sends both, as the API's draft takes them. */
const EXPERIMENT_SHAPE: DraftShape<ExperimentContent, ExperimentFormValues> = {
  fromContent,
  toPayload: (values) => ({ payload: toDraftRequest(values) }),
};

const formValues = ({ id: _id, ...values }: ExperimentFormValues & { id?: unknown }) => values;

type Draft = ReturnType<typeof useGovernedDraft<ExperimentContent, ExperimentFormValues>>;

/**
 * Tells the draft what the form holds, so the edit is kept in the browser as it goes; untouched, the form holds
 * what was loaded (react-hook-form may order or fill the values differently).
 */
const DraftWatcher = ({ draft }: { draft: Draft }) => {
  const values = useWatch() as ExperimentFormValues;
  const { isDirty } = useFormState();
  const text = JSON.stringify(values);
  useEffect(() => {
    if (draft.baseEditing) draft.edit(isDirty ? formValues(values) : draft.baseEditing);
    // `text` stands for `values`, whose identity changes at every render.
  }, [text, isDirty]);
  return null;
};

/** The banner offering an edit kept from an earlier visit, and the dialog of a conflicting save, inside the form. */
const DraftNotices = ({ draft, id, onSaved }: { draft: Draft; id: unknown; onSaved: () => void }) => {
  const { reset, getValues } = useFormContext<ExperimentFormValues>();
  const translate = useTranslate();
  return (
    <>
      {draft.restorable && (
        <RestoreBanner
          savedAt={draft.restorable.savedAt}
          onRestore={() => {
            const kept = draft.restore();
            if (kept) reset({ id, ...kept } as ExperimentFormValues, { keepDefaultValues: true });
          }}
          onDiscard={draft.discardRestorable}
        />
      )}
      {draft.conflict && (
        <ConflictDialog
          changes={draft.conflict.changes}
          onTakeTheirs={draft.takeTheirs}
          onKeepMine={() =>
            void draft.overwrite(formValues(getValues()))?.then((outcome) => outcome.saved && onSaved())
          }
          placeOf={(path) => fieldWords(path, translate)}
        />
      )}
    </>
  );
};

const DraftForm = () => {
  const key = String(useGetRecordId());
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const draft = useGovernedDraft<ExperimentContent, ExperimentFormValues>('experiments', key, EXPERIMENT_SHAPE);
  const { base, baseEditing } = draft;
  const [leaving, setLeaving] = useState(false);
  // Back to the experiment once the saved draft is the one shown: leaving while the page still counts the
  // edit as unsaved would be stopped by the unsaved-changes guard.
  useEffect(() => {
    if (leaving && !draft.dirty) redirect('show', 'experiments', key);
  }, [leaving, draft.dirty, redirect, key]);
  if (!base || !baseEditing)
    return draft.problem ? (
      <ProblemAlert problem={draft.problem} />
    ) : (
      <CircularProgress sx={{ m: 2 }} aria-label={translate('ra.page.loading')} />
    );
  const saved = () => {
    notify('gabarit.experiments.saved', { type: 'success' });
    setLeaving(true);
  };
  const submit = async (values: ExperimentFormValues) => {
    const outcome = await draft.save({ values: formValues(values) });
    if (outcome.saved) {
      saved();
      return undefined;
    }
    // react-admin shows each field's problem under the field; the rest goes to the alert.
    return outcome.problem ? fieldErrors(outcome.problem).fields : undefined;
  };
  const unplaced = draft.problem && { ...draft.problem, details: fieldErrors(draft.problem).rest };
  return (
    <SimpleForm
      // A reload (their version taken, or after a save) starts the form again from what was read.
      key={base.etag}
      onSubmit={submit}
      record={{ id: key, ...baseEditing }}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <UnsavedChangesGuard dirty={draft.dirty} />
      <DraftWatcher draft={draft} />
      <Typography variant="body2">
        {translate('gabarit.experiments.edit_base', {
          version: base.record.draftVersion ?? base.record.latestVersion + 1,
        })}
      </Typography>
      <DraftNotices draft={draft} id={key} onSaved={saved} />
      {unplaced && <ProblemAlert problem={unplaced} onClose={draft.clearProblem} />}
      <Typography variant="body1" sx={{ mt: 2 }}>
        {translate('gabarit.experiments.prompt_is')} <strong>{baseEditing.prompt}</strong>
      </Typography>
      <VariantsInput
        prompt={baseEditing.prompt ?? ''}
        experimentKey={key}
        // Published once (in force, scheduled or since retired): it has served, or will, by this split.
        splitFixed={(base.record.versions ?? []).some((v) => v.status === 'published' || v.status === 'retired')}
      />
    </SimpleForm>
  );
};

const Title = () => {
  const record = useRecordContext<{ key: string }>();
  const translate = useTranslate();
  return <span>{record ? translate('gabarit.experiments.edit_title', { key: record.key }) : ''}</span>;
};

/**
 * Edits the draft's variants, weights and coverage (name, key and prompt are fixed once created), with the
 * same draft handling as every editor: If-Match, the conflict dialog, and the edit kept across a lost session.
 */
export const ExperimentEdit = () => (
  <Edit title={<Title />} actions={false}>
    <DraftForm />
  </Edit>
);
