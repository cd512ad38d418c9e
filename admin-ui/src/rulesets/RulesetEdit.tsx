import { Alert, Box, Button, Grid, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Link, Title, useCreatePath, useGetRecordId, useNotify, useTranslate } from 'react-admin';
import { detailsUnder, atPlace } from '../common/api-error';
import { readTypedJson } from '../common/json-syntax';
import { CodeEditor } from '../common/CodeEditor';
import { ProblemAlert } from '../common/ProblemAlert';
import { RestoreBanner } from '../common/RestoreBanner';
import { UnsavedChangesGuard } from '../common/UnsavedChangesGuard';
import { useScrollPaddingUnder } from '../common/use-scroll-padding';
import { ConflictDialog } from '../common/drafts/ConflictDialog';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import {
  AnalysisContext,
  changedPlace,
  definitionPath,
  onDefinition,
  placeOf,
  revealInPage,
  useVersionAnalysis,
} from './analysis/analysis-model';
import { DefinitionEditor } from './DefinitionEditor';
import { ExportDmnButton } from './dmn/ExportDmnButton';
import { factOptions } from './editor/fact-paths';
import { liveChecks } from './editor/live-checks';
import { LookupTablesNotice } from './editor/LookupTablesNotice';
import { useRuleVocabulary, VocabularyContext } from './editor/vocabulary';
import { conditionProblems, mergeProblems } from './editor/problems';
import { SubmitDraftButton } from './SubmitDraftButton';
import { useRulesetDraft, type RulesetContent } from './use-ruleset-draft';
import { VersionChecks } from './VersionChecks';
import { useUnreadableValues } from './editor/unreadable-values';

type JsonField = 'tests' | 'inputSchema' | 'computedFacts' | 'lookups';
const TABS = ['definition', 'tests', 'inputSchema', 'computedFacts', 'lookups'] as const;

const pretty = (value: unknown) => JSON.stringify(value ?? null, null, 2);

/** Text typed in a JSON tab that does not parse yet, with its parse error. */
interface Typing {
  text: string;
  error: string;
}

/**
 * One content field as JSON, with its parse error and the API's problems for it listed under the editor. Text that
 * does not parse is kept by the page (`typing`), not here: it survives a change of tab and holds Save back. Kept
 * here, it was dropped on a change of tab, and Save stored the last valid JSON, saying « saved ».
 */
const JsonFieldEditor = ({
  field,
  content,
  edit,
  typing,
  onTyping,
  serverErrors,
}: {
  field: JsonField;
  content: RulesetContent;
  edit: (c: RulesetContent) => void;
  typing: Typing | undefined;
  onTyping: (typing: Typing | undefined) => void;
  serverErrors: string[];
}) => {
  const translate = useTranslate();
  const [text, setText] = useState(typing?.text ?? pretty(content[field]));
  return (
    <CodeEditor
      label={translate(`gabarit.editors.tabs.${field}`)}
      language="json"
      value={text}
      minHeight="400px"
      errors={[...(typing ? [typing.error] : []), ...serverErrors]}
      onChange={(next) => {
        setText(next);
        const read = readTypedJson(next, translate);
        if ('mistake' in read) return onTyping({ text: next, error: read.mistake });
        edit({ ...content, [field]: read.value });
        onTyping(undefined);
      }}
    />
  );
};

/** Edits a rule set's draft: the visual editor for its format beside the JSON, live checks on each field, then tests. */
export const RulesetEdit = () => {
  const key = String(useGetRecordId());
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const draft = useRulesetDraft(key);
  const vocabulary = useRuleVocabulary();
  const { base, editing: content } = draft;
  const [tab, setTab] = useState<(typeof TABS)[number]>('definition');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string | undefined>();
  const [typing, setTyping] = useState<Partial<Record<JsonField, Typing>>>({});
  const unreadable = useUnreadableValues();
  const stickyBar = useScrollPaddingUnder<HTMLDivElement>();
  // The saved version's static analysis, read again after each save (the draft's ETag changes).
  const analysis = useVersionAnalysis(key, base?.version, base?.etag);
  const analysisView = useMemo(
    () => ({
      findings: onDefinition(analysis.data?.findings ?? []),
      reveal: (path: string) => revealInPage(path),
    }),
    [analysis.data],
  );
  const errorCount = analysis.data?.findings.filter((f) => f.severity === 'error').length ?? 0;
  /** Shows the element a finding names: the definition in the visual editor, another part in its tab. */
  const reveal = (path: string) => {
    const inDefinition = definitionPath(path);
    const field = path.split('/')[1] as (typeof TABS)[number];
    if (inDefinition === undefined && !TABS.includes(field)) return;
    setTab(inDefinition === undefined ? field : 'definition');
    // Once the tab is drawn.
    if (inDefinition !== undefined) setTimeout(() => revealInPage(inDefinition), 0);
  };

  // Keep the JSON beside the visual editor in step with it, unless the JSON being typed already says the same.
  useEffect(() => {
    if (!content) return;
    try {
      if (JSON.stringify(JSON.parse(jsonText)) === JSON.stringify(content.definition)) return;
    } catch {
      /* the JSON being typed is not valid yet: replace it with the definition the visual editor holds */
    }
    setJsonText(pretty(content.definition));
    setJsonError(undefined);
  }, [content?.definition]);

  // A new base (saved, or the other person's changes taken) replaces what the tabs hold, half-typed text included.
  useEffect(() => setTyping({}), [base?.etag]);
  const typingIn = (Object.keys(typing) as JsonField[]).filter((field) => typing[field] !== undefined);

  const facts = useMemo(
    () => (content ? factOptions(content.inputSchema, content.computedFacts, content.lookups) : []),
    [content],
  );
  const problems = useMemo(() => {
    if (!content || !base || !vocabulary) return new Map<string, string[]>();
    return mergeProblems(
      conditionProblems(liveChecks(base.record.format, content.definition, facts, vocabulary), '', translate),
      detailsUnder(draft.problem, '/definition'),
    );
  }, [content, base, facts, vocabulary, draft.problem, translate]);

  if (!base || !content || !vocabulary) return draft.problem ? <ProblemAlert problem={draft.problem} /> : null;
  // A decision table needs the page's width; its JSON goes below it.
  const wide = base.record.format === 'decisionTable';
  const serverErrors = (field: string) =>
    [...detailsUnder(draft.problem, `/${field}`)].flatMap(([path, messages]) =>
      messages.map((m) => atPlace(translate, path, m)),
    );
  const allProblems = [...problems].flatMap(([path, messages]) => messages.map((m) => atPlace(translate, path, m)));

  return (
    <unreadable.Provider>
      <Box sx={{ p: 2 }}>
        <Title title={translate('gabarit.editors.title', { name: base.record.name })} />
        <UnsavedChangesGuard dirty={draft.dirty} />
        {/* The title and what is edited take the room left; the buttons stay on the right, where they were before
            the first save turned « from the version in force » into « draft » (a longer note pushed them down).
            The row stays under the app bar as the page scrolls: a decision tree runs to thousands of pixels, and
            saving from the top had taken the analyst away from the branch they were editing. On a phone the title
            takes a line of its own and the row scrolls away: kept in one line it broke a word a line, pushed Save
            past the edge, and covered half the screen as it stayed. */}
        <Stack
          ref={stickyBar}
          direction="row"
          spacing={2}
          useFlexGap
          sx={{
            alignItems: 'center',
            flexWrap: { xs: 'wrap', sm: 'nowrap' },
            mb: 2,
            py: 1,
            position: { xs: 'static', sm: 'sticky' },
            top: { sm: 48 }, // the app bar's height (dense above phones)
            zIndex: (theme) => theme.zIndex.appBar - 1,
            bgcolor: 'background.default',
          }}
        >
          <Box sx={{ flex: { xs: '1 1 100%', sm: 1 }, minWidth: 0 }}>
            <Typography variant="h1" sx={{ fontSize: '1.5rem' }}>
              {translate('gabarit.editors.title', { name: base.record.name })}
            </Typography>
            <Typography color="text.secondary">
              {translate(
                base.record.draftVersion ? 'gabarit.editors.editing_draft' : 'gabarit.editors.editing_from_active',
                { version: base.version },
              )}
            </Typography>
          </Box>
          {base.record.format === 'decisionTable' && <ExportDmnButton rulesetKey={key} version={base.version} />}
          <Button component={Link} to={createPath({ resource: 'rulesets', id: key, type: 'show' })}>
            {translate('gabarit.editors.back')}
          </Button>
          <Button
            variant="contained"
            disabled={!draft.dirty || draft.saving || !!jsonError || typingIn.length > 0 || unreadable.count > 0}
            onClick={() =>
              void draft.save().then((outcome) => {
                // Said, as prompts and experiments say it: only the button greying out showed the save.
                if (outcome.saved)
                  notify('gabarit.editors.saved', { type: 'success', messageArgs: { version: outcome.version } });
              })
            }
          >
            {translate('ra.action.save')}
          </Button>
        </Stack>
        {draft.dirty && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('gabarit.editors.unsaved_notice')}
          </Alert>
        )}
        {typingIn.length > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }} role="status">
            {translate('gabarit.editors.invalid_json_tabs', {
              smart_count: typingIn.length,
              tabs: typingIn
                .map((field) =>
                  translate('gabarit.analysis.quoted', { name: translate(`gabarit.editors.tabs.${field}`) }),
                )
                .join(', '),
            })}
          </Alert>
        )}
        {unreadable.count > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }} role="status">
            {translate('gabarit.editors.unreadable_values', { smart_count: unreadable.count })}
          </Alert>
        )}
        {draft.restorable && (
          <RestoreBanner
            savedAt={draft.restorable.savedAt}
            onRestore={draft.restore}
            onDiscard={draft.discardRestorable}
          />
        )}
        {draft.problem && (
          <ProblemAlert
            problem={draft.problem}
            onClose={draft.clearProblem}
            placeOf={(path) => placeOf(path, content.definition, translate)}
          />
        )}
        {draft.conflict && (
          <ConflictDialog
            changes={draft.conflict.changes}
            onTakeTheirs={draft.takeTheirs}
            onKeepMine={() => void draft.overwrite()}
            placeOf={(path, kind) =>
              changedPlace(path, kind === 'removed' ? content : draft.conflict!.current.content, translate)
            }
          />
        )}
        <Tabs
          value={tab}
          onChange={(_, next: (typeof TABS)[number]) => setTab(next)}
          aria-label={translate('gabarit.editors.tabs_label')}
          // Five tabs are wider than a phone: they scroll in their row instead of the page scrolling sideways.
          variant="scrollable"
          scrollButtons="auto"
          sx={{ mb: 2 }}
        >
          {TABS.map((t) => (
            <Tab key={t} value={t} label={translate(`gabarit.editors.tabs.${t}`)} />
          ))}
        </Tabs>
        {tab === 'definition' ? (
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: wide ? 12 : 7 }}>
              <VocabularyContext.Provider value={vocabulary}>
                <AnalysisContext.Provider value={analysisView}>
                  <DefinitionEditor
                    format={base.record.format}
                    definition={content.definition}
                    onChange={(definition) => draft.edit({ ...content, definition })}
                    facts={facts}
                    problems={problems}
                  />
                </AnalysisContext.Provider>
              </VocabularyContext.Provider>
            </Grid>
            <Grid size={{ xs: 12, lg: wide ? 12 : 5 }}>
              <CodeEditor
                label={translate('gabarit.editors.json')}
                language="json"
                value={jsonText}
                minHeight="500px"
                errors={[...(jsonError ? [jsonError] : []), ...allProblems]}
                onChange={(next) => {
                  setJsonText(next);
                  const read = readTypedJson(next, translate);
                  if ('mistake' in read) return setJsonError(read.mistake);
                  setJsonError(undefined);
                  draft.edit({ ...content, definition: read.value as Record<string, unknown> });
                }}
              />
            </Grid>
          </Grid>
        ) : (
          <JsonFieldEditor
            key={`${tab}-${base.etag}`}
            field={tab}
            content={content}
            edit={draft.edit}
            typing={typing[tab]}
            onTyping={(now) => setTyping((all) => ({ ...all, [tab]: now }))}
            serverErrors={serverErrors(tab)}
          />
        )}
        <LookupTablesNotice lookups={content.lookups} />
        <AnalysisPanel
          version={base.version}
          analysis={analysis}
          definition={base.content.definition}
          onReveal={reveal}
          notice={
            draft.dirty && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {translate('gabarit.analysis.stale')}
              </Alert>
            )
          }
        />
        {base.record.draftVersion !== null && !draft.dirty && (
          <>
            <VersionChecks rulesetKey={key} version={base.record.draftVersion} />
            <SubmitDraftButton
              rulesetKey={key}
              version={base.record.draftVersion}
              revision={base.record.versions?.find((v) => v.number === base.record.draftVersion)?.revision}
              analysisErrors={errorCount}
            />
          </>
        )}
      </Box>
    </unreadable.Provider>
  );
};
