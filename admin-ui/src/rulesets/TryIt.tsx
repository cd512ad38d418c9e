import { Alert, Box, Button, Chip, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import Form from '@rjsf/mui';
import type { RJSFSchema } from '@rjsf/utils';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocaleState, useShowContext, useTranslate } from 'react-admin';
import { toProblem, type Problem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { dataProvider } from '../dataProvider';
import {
  enumLabels,
  exampleFacts,
  factsValidator,
  wordedFormErrors,
  formStringTranslator,
  schemaInLanguage,
} from './facts-form';
import { parseFacts } from './facts-input';
import { SaveAsTestCase } from './SaveAsTestCase';
import { ShadowSummary } from './shadow/ShadowSummary';
import { VersionChecks } from './VersionChecks';
import { useStatusWords } from '../common/lifecycle/status-words';
import { outcomeWithCode } from '../common/outcomes';
import { DescriptionParagraph, itemTitleTemplate, listTitles } from './item-titles';

interface Outcome {
  events: { type: string; params?: Record<string, unknown> }[];
  explanation?: { fr: string; en: string };
  version: number;
  evaluationId?: string;
  logged?: boolean;
}
interface RulesetRecord {
  id: string;
  key: string;
  activeVersion: number | null;
  draftVersion: number | null;
  versions: { number: number; status: string }[];
}

/**
 * Evaluates any version (the draft by default) on facts entered in a form generated from its input schema, or as
 * JSON; then runs that version's tests and impact analysis, beside its shadow run on live traffic.
 */
export const TryIt = () => {
  const { record } = useShowContext<RulesetRecord>();
  const translate = useTranslate();
  const statusWords = useStatusWords();
  const [locale] = useLocaleState();
  const numbers = useMemo(() => (record?.versions ?? []).map((v) => v.number).sort((a, b) => b - a), [record]);
  // The version the analyst works on, once they pick one, type facts or evaluate. Until then the default follows
  // the record: react-admin may first show it from its cache (before the draft just created) and then refresh.
  const [picked, setPicked] = useState<number | undefined>();
  // The draft, else the version under review (what a reviewer opens the rule set for), else the one in force.
  const underReview = (record?.versions ?? [])
    .filter((v) => v.status === 'in_review' || v.status === 'approved')
    .map((v) => v.number)
    .sort((a, b) => b - a)[0];
  const defaultVersion = record?.draftVersion ?? underReview ?? record?.activeVersion ?? numbers[0];
  const version = picked !== undefined && numbers.includes(picked) ? picked : defaultVersion;
  // Then it stays: saving a test case creates a draft, and the record refreshing must not move the analyst to
  // another version (and reset the facts they are typing).
  // Facts typed or evaluated are kept when the analyst switches version, to compare the versions' answers.
  const factsTyped = useRef(false);
  const pin = () => {
    factsTyped.current = true;
    setPicked((p) => p ?? version);
  };
  const key = record?.key;
  const [schema, setSchema] = useState<RJSFSchema | undefined>();
  // Decisions about persons have a receipt the person can be given (Law 25): linked under the outcome.
  const [aboutPersons, setAboutPersons] = useState(false);
  const labelledSchema = useMemo(() => schema && schemaInLanguage(schema, locale), [schema, locale]);
  const itemTemplates = useMemo(
    () => ({
      TitleFieldTemplate: itemTitleTemplate(listTitles(labelledSchema), translate),
      DescriptionFieldTemplate: DescriptionParagraph,
    }),
    [labelledSchema, translate],
  );
  const uiSchema = useMemo(() => enumLabels(schema, locale), [schema, locale]);
  const [facts, setFacts] = useState<Record<string, unknown>>({});
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [text, setText] = useState('{}');
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  // The facts of the last evaluation, kept with its outcome (the form may change after).
  const [lastFacts, setLastFacts] = useState<Record<string, unknown>>({});
  // How many errors stopped the last click on Évaluer: said beside the button, far below the form's own list.
  const [formErrors, setFormErrors] = useState(0);

  // Loaded again only when the version changes, not on every refresh of the record (that would wipe the form).
  useEffect(() => {
    if (key === undefined || version === undefined) return;
    setFormErrors(0);
    // An outcome belongs to the version that gave it: it is not left under another one.
    setOutcome(undefined);
    setProblem(undefined);
    void dataProvider.read('rulesets', { id: key, path: `versions/${version}` }).then((json) => {
      const content = (
        json as {
          content?: {
            inputSchema?: RJSFSchema;
            tests?: { facts?: unknown }[];
            settings?: { decidesAboutPersons?: boolean };
          };
        }
      ).content;
      setSchema(content?.inputSchema);
      setAboutPersons(content?.settings?.decidesAboutPersons === true);
      if (factsTyped.current) return;
      const example = exampleFacts(content);
      setFacts(example);
      setText(JSON.stringify(example, null, 2));
    });
  }, [key, version]);

  if (!record || version === undefined) return null;
  const evaluate = async (input: Record<string, unknown>) => {
    pin();
    setOutcome(undefined);
    setProblem(undefined);
    setFormErrors(0);
    try {
      const json = await dataProvider.command('rulesets', {
        id: record.key,
        command: 'evaluate',
        body: { facts: input, version, explain: true },
      });
      setLastFacts(input);
      setOutcome(json as Outcome);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  const evaluateJson = () => {
    const parsed = parseFacts(text);
    if ('error' in parsed)
      setProblem({
        // Not the API's invalid_json: its headline would speak of "the content sent", not of the facts typed here.
        error: 'facts_not_read',
        message: translate(parsed.error),
        details: parsed.at
          ? [
              {
                path: '/',
                message: translate('gabarit.details.syntax.at', {
                  ...parsed.at,
                  what: translate('gabarit.details.syntax.somewhere'),
                }),
              },
            ]
          : [],
      });
    else void evaluate(parsed.facts);
  };
  const statusOf = (n: number) => statusWords(record.versions.find((v) => v.number === n));

  return (
    <Box component="section" aria-labelledby="try-it-title" sx={{ mt: 3 }}>
      <Typography id="try-it-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.try.title')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('gabarit.try.version')}
          value={version}
          onChange={(e) => setPicked(Number(e.target.value))}
          sx={{ width: 280, flexShrink: 0 }}
        >
          {numbers.map((n) => (
            <MenuItem key={n} value={n}>
              {translate('gabarit.try.version_status', {
                version: n,
                status: statusOf(n),
              })}
            </MenuItem>
          ))}
        </TextField>
        <Tabs
          value={mode}
          onChange={(_, next: 'form' | 'json') => setMode(next)}
          aria-label={translate('gabarit.try.mode')}
        >
          <Tab value="form" label={translate('gabarit.try.form_tab')} />
          <Tab value="json" label={translate('gabarit.try.json_tab')} />
        </Tabs>
      </Stack>
      {mode === 'form' && labelledSchema ? (
        <Form
          key={`${version}-${locale}`}
          schema={labelledSchema}
          uiSchema={uiSchema}
          formData={facts}
          validator={factsValidator(locale)}
          transformErrors={(errors) => wordedFormErrors(errors, translate)}
          translateString={formStringTranslator(translate)}
          templates={itemTemplates}
          showErrorList="top"
          noHtml5Validate
          // The form can be thousands of pixels long: the first wrong field is where the user must go.
          focusOnFirstError
          onChange={({ formData }) => {
            pin();
            setFacts(formData as Record<string, unknown>);
          }}
          onSubmit={({ formData }) => void evaluate(formData as Record<string, unknown>)}
          onError={(errors) => {
            // Nothing was evaluated: the previous outcome would pass for the answer to these facts.
            setOutcome(undefined);
            setProblem(undefined);
            setFormErrors(errors.length);
          }}
        >
          <Button type="submit" variant="contained" sx={{ mt: 2 }}>
            {translate('gabarit.try.evaluate')}
          </Button>
          {formErrors > 0 && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {translate('gabarit.try.form_errors', { smart_count: formErrors })}
            </Alert>
          )}
        </Form>
      ) : (
        <>
          <TextField
            label={translate('gabarit.try.facts')}
            multiline
            minRows={8}
            maxRows={20}
            fullWidth
            value={text}
            onChange={(e) => {
              pin();
              setText(e.target.value);
            }}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          <Button variant="contained" sx={{ mt: 2 }} onClick={evaluateJson}>
            {translate('gabarit.try.evaluate')}
          </Button>
        </>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {outcome && (
        <Alert severity="info" sx={{ mt: 2 }} role="status">
          {/* One chip per decision, counted when several rules give it, wrapping: repeated chips ran off the
              line and a long decision was cut on a phone. */}
          <Stack direction="row" sx={{ mb: 1, flexWrap: 'wrap', gap: 1 }} aria-label={translate('gabarit.try.events')}>
            {outcome.events.length === 0 ? (
              <Chip label={translate('gabarit.try.no_event')} />
            ) : (
              [...countBy(outcome.events.map((e) => e.type))].map(([type, n]) => (
                <Chip
                  key={type}
                  color="primary"
                  label={translate('gabarit.try.event_count', {
                    outcome: outcomeWithCode(type, translate),
                    smart_count: n,
                  })}
                  sx={{ height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }}
                />
              ))
            )}
          </Stack>
          <div>{outcome.explanation?.[locale === 'en' ? 'en' : 'fr']}</div>
          {aboutPersons && outcome.logged && outcome.evaluationId && (
            <Box sx={{ mt: 1 }}>
              <Link to={`/decisions/${encodeURIComponent(outcome.evaluationId)}/receipt`}>
                {translate('gabarit.receipt.open')}
              </Link>
            </Box>
          )}
          <SaveAsTestCase rulesetKey={record.key} facts={lastFacts} events={outcome.events} />
        </Alert>
      )}
      <VersionChecks rulesetKey={record.key} version={version} />
      <ShadowSummary
        rulesetKey={record.key}
        version={record.versions.find((v) => v.number === version) ?? { number: version, status: 'draft' }}
      />
    </Box>
  );
};

/** Each value once, in the order first met, with how many times it came. */
const countBy = (values: string[]) => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};
