import { Alert, Box, Button, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Link, Title, useCreatePath, useGetRecordId, useNotify, useTranslate } from 'react-admin';
import { CodeEditor } from '../common/CodeEditor';
import { detailsByField, toProblem, type Problem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { RestoreBanner } from '../common/RestoreBanner';
import { UnsavedChangesGuard } from '../common/UnsavedChangesGuard';
import { useEditStash } from '../common/use-edit-stash';
import { CompletionPreview } from './CompletionPreview';
import { changedFields, draftPayload, previewContent, toForm, type DraftField, type DraftForm } from './draft-form';
import { LivePreview, usePreview } from './LivePreview';
import { SampleVariables } from './SampleVariables';
import { useDraft, type LoadedDraft } from './use-draft';
import { VariablesPanel } from './VariablesPanel';
import { parseJsonObject, sampleFor } from './variables';

const firstSample = (loaded: LoadedDraft) => JSON.stringify(loaded.content.tests?.[0]?.variables ?? sampleFor(loaded.content.variablesSchema), null, 2);

/**
 * The draft editor: template and settings on the left; on the right the variables the schema declares,
 * sample variables, the live preview of the rendered prompt and the model's answer. Saves with If-Match.
 */
export const PromptEdit = () => {
  const key = String(useGetRecordId());
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const { loaded, loadProblem, load, save } = useDraft(key);
  const [initial, setInitial] = useState<DraftForm | undefined>();
  const [form, setForm] = useState<DraftForm | undefined>();
  const [sampleText, setSampleText] = useState('{}');
  const [localErrors, setLocalErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [saveProblem, setSaveProblem] = useState<Problem | undefined>();
  const [saving, setSaving] = useState(false);

  const reset = (next: LoadedDraft | undefined) => {
    if (!next) return;
    setInitial(toForm(next.content));
    setForm(toForm(next.content));
    setSaveProblem(undefined);
    setLocalErrors({});
  };
  // The first read fills the form; later reads (after a save) must not overwrite what the analyst typed.
  useEffect(() => {
    if (loaded && !form) {
      reset(loaded);
      setSampleText(firstSample(loaded));
    }
  }, [loaded, form]);

  const dirty = form !== undefined && initial !== undefined && changedFields(form, initial).length > 0;
  const stash = useEditStash('prompts', key, initial, form, loaded?.etag ?? '');

  const sample = parseJsonObject(sampleText);
  const content = useMemo(() => (form ? previewContent(form) : {}), [form]);
  const preview = usePreview(form ? key : undefined, content, 'value' in sample ? sample.value : undefined);
  const schema = form ? parseJsonObject(form.variablesSchema) : undefined;

  if (loadProblem) return <ProblemAlert problem={loadProblem} />;
  if (!loaded || !form || !initial) return <CircularProgress aria-label={translate('ra.page.loading')} sx={{ m: 4 }} />;

  const stale = saveProblem?.error === 'stale_etag';
  const fromSave = detailsByField(stale ? undefined : saveProblem);
  const fromPreview = detailsByField(preview.problem);
  const errorsOf = (field: string) => [...new Set([...(localErrors[field as DraftField] ? [translate(localErrors[field as DraftField]!)] : []), ...(fromSave.get(field) ?? []), ...(fromPreview.get(field) ?? [])])];
  const set = (field: DraftField) => (value: string) => {
    setForm((f) => (f ? { ...f, [field]: value } : f));
    if (!stale) setSaveProblem(undefined);
    setLocalErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    const built = draftPayload(form, initial);
    if ('errors' in built) {
      setLocalErrors(built.errors);
      return;
    }
    setSaving(true);
    try {
      const version = await save(built.payload);
      stash.saved();
      setInitial(form);
      setSaveProblem(undefined);
      notify('gabarit.prompts.saved', { type: 'success', messageArgs: { version } });
    } catch (err) {
      const problem = toProblem(err);
      // The edit is kept in the browser and offered back after signing in again.
      if (!(await stash.sessionExpired(problem))) setSaveProblem(problem);
    } finally {
      setSaving(false);
    }
  };
  const reload = async () => reset(await load());

  const textField = (field: 'model' | 'maxTokens', type = 'text') => (
    <TextField
      label={translate(`resources.prompts.fields.${field}`)}
      value={form[field]}
      type={type}
      onChange={(e) => set(field)(e.target.value)}
      error={errorsOf(field).length > 0}
      helperText={errorsOf(field).join(' · ') || translate(`gabarit.prompts.${field}_help`)}
    />
  );

  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('gabarit.prompts.edit_title', { name: loaded.prompt.name })} />
      <UnsavedChangesGuard dirty={dirty} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" sx={{ fontSize: '1.5rem' }}>
            {translate('gabarit.prompts.edit_title', { name: loaded.prompt.name })}
          </Typography>
          <Typography variant="body2">{translate(loaded.isDraft ? 'gabarit.prompts.editing_draft' : 'gabarit.prompts.new_draft_from', { version: loaded.version })}</Typography>
        </Box>
        <Button component={Link} to={createPath({ resource: 'prompts', id: key, type: 'show' })}>
          {translate('gabarit.prompts.back_to_show')}
        </Button>
        <Button variant="contained" disabled={!dirty || saving || stale} onClick={() => void submit()}>
          {translate(dirty ? 'gabarit.prompts.save' : 'gabarit.prompts.saved_no_change')}
        </Button>
      </Stack>
      {stale && (
        <Alert severity="warning" role="alert" sx={{ mb: 2 }} action={<Button color="inherit" onClick={() => void reload()}>{translate('gabarit.prompts.reload')}</Button>}>
          {translate('gabarit.errors.stale_etag')} {translate('gabarit.prompts.stale_help')}
        </Alert>
      )}
      {stash.restorable && (
        <RestoreBanner
          savedAt={stash.restorable.savedAt}
          onRestore={() => {
            const kept = stash.take();
            if (kept) setForm(kept);
          }}
          onDiscard={stash.discard}
        />
      )}
      {saveProblem && !stale && <ProblemAlert problem={saveProblem} onClose={() => setSaveProblem(undefined)} />}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3 }}>
        <Box component="section" aria-label={translate('gabarit.prompts.content_title')}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr' }, gap: 2, mb: 1 }}>
            {textField('model')}
            {textField('maxTokens', 'number')}
            <TextField select label={translate('resources.prompts.fields.locale')} value={form.locale} onChange={(e) => set('locale')(e.target.value)} error={errorsOf('locale').length > 0} helperText={errorsOf('locale').join(' · ')}>
              {['fr', 'en'].map((l) => (
                <MenuItem key={l} value={l}>
                  {translate(`gabarit.prompts.locales.${l}`)}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          <CodeEditor label={translate('resources.prompts.fields.template')} language="handlebars" value={form.template} onChange={set('template')} errors={errorsOf('template')} minHeight="260px" />
          <Typography variant="caption">{translate('gabarit.prompts.template_help')}</Typography>
          <CodeEditor label={translate('resources.prompts.fields.system')} language="handlebars" value={form.system} onChange={set('system')} errors={errorsOf('system')} minHeight="120px" />
          <CodeEditor label={translate('resources.prompts.fields.variablesSchema')} language="json" value={form.variablesSchema} onChange={set('variablesSchema')} errors={errorsOf('variablesSchema')} minHeight="200px" />
          <TextField
            fullWidth
            multiline
            minRows={2}
            sx={{ my: 1 }}
            label={translate('resources.prompts.fields.stopSequences')}
            value={form.stopSequences}
            onChange={(e) => set('stopSequences')(e.target.value)}
            error={errorsOf('stopSequences').length > 0}
            helperText={errorsOf('stopSequences').join(' · ') || undefined}
          />
          <CodeEditor label={translate('resources.prompts.fields.tests')} language="json" value={form.tests} onChange={set('tests')} errors={errorsOf('tests')} minHeight="160px" />
        </Box>
        <Box>
          <VariablesPanel schema={schema && 'value' in schema ? schema.value : loaded.content.variablesSchema} />
          <SampleVariables text={sampleText} onChange={setSampleText} tests={loaded.content.tests ?? []} errors={[...('error' in sample ? [translate(sample.error)] : []), ...(fromPreview.get('variables') ?? [])]} />
          <LivePreview {...preview} />
          <CompletionPreview promptKey={key} variables={'value' in sample ? sample.value : undefined} />
        </Box>
      </Box>
    </Box>
  );
};
