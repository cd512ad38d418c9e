import { Box, Button, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Link, Title, useCreatePath, useGetRecordId, useNotify, useTranslate } from 'react-admin';
import { CodeEditor } from '../common/CodeEditor';
import { detailsByField } from '../common/api-error';
import { ConflictDialog } from '../common/drafts/ConflictDialog';
import { useGovernedDraft, type DraftShape, type GovernedRecord } from '../common/drafts/use-governed-draft';
import { readTypedJson } from '../common/json-syntax';
import { ProblemAlert } from '../common/ProblemAlert';
import { RestoreBanner } from '../common/RestoreBanner';
import { UnsavedChangesGuard } from '../common/UnsavedChangesGuard';
import { CompletionPreview } from './CompletionPreview';
import {
  draftPayload,
  previewContent,
  toForm,
  type DraftField,
  type DraftForm,
  type PromptContent,
} from './draft-form';
import { LivePreview, usePreview } from './LivePreview';
import { SampleVariables } from './SampleVariables';
import { VariablesPanel } from './VariablesPanel';
import { parseJsonObject, sampleFor } from './variables';

const firstSample = (content: PromptContent) =>
  JSON.stringify(content.tests?.[0]?.variables ?? sampleFor(content.variablesSchema), null, 2);

/** The prompt editor edits text fields (numbers and JSON stay text until saved); a save sends those that changed. */
const PROMPT_SHAPE: DraftShape<PromptContent, DraftForm> = { fromContent: toForm, toPayload: draftPayload };

/**
 * The draft editor: template and settings on the left; on the right the variables the schema declares,
 * sample variables, the live preview of the rendered prompt and the model's answer. Saves with If-Match.
 */
export const PromptEdit = () => {
  const key = String(useGetRecordId());
  const translate = useTranslate();
  // A problem's place as the field it is in (« Gabarit (Handlebars) »), the pointer beside it for nested places.
  const fieldOf = (path: string) => translate(`resources.prompts.fields.${path.split('/')[1] ?? ''}`, { _: path });
  const notify = useNotify();
  const createPath = useCreatePath();
  const draft = useGovernedDraft<PromptContent, DraftForm, GovernedRecord>('prompts', key, PROMPT_SHAPE);
  const { base: loaded, editing: form, dirty, saving } = draft;
  const [sampleText, setSampleText] = useState<string | undefined>();
  const [localErrors, setLocalErrors] = useState<Partial<Record<DraftField, string>>>({});
  // The first read picks the sample variables; later reads (after a save) keep what the analyst tried.
  useEffect(() => {
    if (loaded && sampleText === undefined) setSampleText(firstSample(loaded.content));
  }, [loaded, sampleText]);

  const sample = parseJsonObject(sampleText ?? '{}');
  const content = useMemo(() => (form ? previewContent(form) : {}), [form]);
  const preview = usePreview(form ? key : undefined, content, 'value' in sample ? sample.value : undefined);
  const schema = form ? parseJsonObject(form.variablesSchema) : undefined;

  if (!loaded || !form)
    return draft.problem ? (
      <ProblemAlert problem={draft.problem} />
    ) : (
      <CircularProgress aria-label={translate('ra.page.loading')} sx={{ m: 4 }} />
    );

  const fromSave = detailsByField(draft.problem, translate);
  const fromPreview = detailsByField(preview.problem, translate);
  // The JSON fields are read as they are typed, the place of a mistake said (line, column), and Save waits, as in
  // the rule-set editor: they had said only « Ce n'est pas du JSON valide. », once saved.
  const typedJson: Partial<Record<DraftField, string>> = {
    variablesSchema: jsonMistake(form.variablesSchema, translate),
    tests: jsonMistake(form.tests, translate),
  };
  const unreadableJson = Object.values(typedJson).some((mistake) => mistake !== undefined);
  const errorsOf = (field: string) => [
    ...new Set([
      ...(typedJson[field as DraftField] !== undefined
        ? [typedJson[field as DraftField]!]
        : localErrors[field as DraftField]
          ? [translate(localErrors[field as DraftField]!)]
          : []),
      ...(fromSave.get(field) ?? []),
      ...(fromPreview.get(field) ?? []),
    ]),
  ];
  const set = (field: DraftField) => (value: string) => {
    draft.edit({ ...form, [field]: value });
    draft.clearProblem();
    setLocalErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (save: () => ReturnType<typeof draft.save> | undefined) => {
    const outcome = await save();
    if (!outcome) return;
    if (outcome.saved) notify('gabarit.prompts.saved', { type: 'success', messageArgs: { version: outcome.version } });
    else if (outcome.errors) setLocalErrors(outcome.errors);
  };

  const textField = (field: 'model' | 'maxTokens', type = 'text') => (
    <TextField
      fullWidth
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
      <Title title={translate('gabarit.prompts.edit_title', { name: loaded.record.name })} />
      <UnsavedChangesGuard dirty={dirty} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1" sx={{ fontSize: '1.5rem' }}>
            {translate('gabarit.prompts.edit_title', { name: loaded.record.name })}
          </Typography>
          <Typography variant="body2">
            {translate(loaded.isDraft ? 'gabarit.prompts.editing_draft' : 'gabarit.prompts.new_draft_from', {
              version: loaded.version,
            })}
          </Typography>
        </Box>
        <Button component={Link} to={createPath({ resource: 'prompts', id: key, type: 'show' })}>
          {translate('gabarit.prompts.back_to_show')}
        </Button>
        <Button
          variant="contained"
          disabled={!dirty || saving || unreadableJson}
          onClick={() => void submit(() => draft.save())}
        >
          {translate(dirty ? 'gabarit.prompts.save' : 'gabarit.prompts.saved_no_change')}
        </Button>
      </Stack>
      {draft.restorable && (
        <RestoreBanner
          savedAt={draft.restorable.savedAt}
          onRestore={draft.restore}
          onDiscard={draft.discardRestorable}
        />
      )}
      {draft.problem && <ProblemAlert problem={draft.problem} onClose={draft.clearProblem} placeOf={fieldOf} />}
      {draft.conflict && (
        <ConflictDialog
          changes={draft.conflict.changes}
          onTakeTheirs={draft.takeTheirs}
          onKeepMine={() => void submit(() => draft.overwrite())}
          placeOf={fieldOf}
        />
      )}
      {/* minmax(0, …): a plain 1fr is at least its widest child, and the variables table made a phone's page 544 px
          wide; it scrolls in its own box instead. */}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
          gap: 3,
        }}
      >
        <Box component="section" aria-label={translate('gabarit.prompts.content_title')}>
          {/* « Nombre maximal de jetons » is cut under 200 px. */}
          <Box
            sx={{
              display: 'grid',
              // The model on a line of its own beside the variables: in three columns of half the page its name was
              // cut (« claude-sonnet- ») above a helper of four lines. On a wide screen, one line.
              gridTemplateColumns: {
                xs: '1fr',
                sm: 'minmax(0, 1fr) minmax(0, 1fr)',
                xl: 'minmax(0, 3fr) minmax(160px, 2fr) minmax(120px, 1.5fr)',
              },
              gap: 2,
              mb: 1,
            }}
          >
            <Box sx={{ gridColumn: { sm: '1 / -1', xl: 'auto' } }}>{textField('model')}</Box>
            {textField('maxTokens', 'number')}
            <TextField
              select
              label={translate('resources.prompts.fields.locale')}
              value={form.locale}
              onChange={(e) => set('locale')(e.target.value)}
              error={errorsOf('locale').length > 0}
              helperText={errorsOf('locale').join(' · ')}
            >
              {['fr', 'en'].map((l) => (
                <MenuItem key={l} value={l}>
                  {translate(`gabarit.prompts.locales.${l}`)}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          <CodeEditor
            label={translate('resources.prompts.fields.template')}
            language="handlebars"
            value={form.template}
            onChange={set('template')}
            errors={errorsOf('template')}
            minHeight="260px"
          />
          <Typography variant="caption">{translate('gabarit.prompts.template_help')}</Typography>
          <CodeEditor
            label={translate('resources.prompts.fields.system')}
            language="handlebars"
            value={form.system}
            onChange={set('system')}
            errors={errorsOf('system')}
            minHeight="120px"
          />
          <CodeEditor
            label={translate('resources.prompts.fields.variablesSchema')}
            language="json"
            value={form.variablesSchema}
            onChange={set('variablesSchema')}
            errors={errorsOf('variablesSchema')}
            minHeight="200px"
          />
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
          <CodeEditor
            label={translate('resources.prompts.fields.tests')}
            language="json"
            value={form.tests}
            onChange={set('tests')}
            errors={errorsOf('tests')}
            minHeight="160px"
          />
        </Box>
        <Box>
          <VariablesPanel schema={schema && 'value' in schema ? schema.value : loaded.content.variablesSchema} />
          <SampleVariables
            text={sampleText ?? '{}'}
            onChange={setSampleText}
            tests={loaded.content.tests ?? []}
            errors={[...('error' in sample ? [translate(sample.error)] : []), ...(fromPreview.get('variables') ?? [])]}
          />
          <LivePreview {...preview} />
          <CompletionPreview promptKey={key} variables={'value' in sample ? sample.value : undefined} />
        </Box>
      </Box>
    </Box>
  );
};

/** Where JSON being typed stops being JSON, in words, or undefined. */
function jsonMistake(text: string, translate: (key: string, options?: object) => string): string | undefined {
  const read = readTypedJson(text, translate);
  return 'mistake' in read ? read.mistake : undefined;
}
