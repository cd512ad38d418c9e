import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import type { ResponseOf } from '../api/types';
import { toProblem, type Problem } from '../common/api-error';
import { rowsAsBlocksOnPhone } from '../common/phone-table';
import { formatDateTime, intlLocale } from '../common/dates';
import { outcomeWithCode } from '../common/outcomes';
import { ProblemAlert } from '../common/ProblemAlert';
import { dataProvider } from '../dataProvider';
import { ActorName } from '../audit/ActorName';
import { splitOperator } from '../rulesets/editor/condition-model';
import { factLabel, factOptions, titleOf } from '../rulesets/editor/fact-paths';

/**
 * The rule set's words for its facts, by label (invoice.receivedDate → « Date de réception »), from the deciding
 * version's input schema: a risk officer read the invoice's facts by their English field names.
 */
const FactTitles = createContext<Map<string, string>>(new Map());

/** A fact or field by its name in words, its code name beside it; the name alone where the schema has no words. */
const FactName = ({ label, name = label }: { label: string; name?: string }) => {
  const title = useContext(FactTitles).get(label);
  return title ? (
    <>
      {title}{' '}
      <Typography component="code" variant="caption" color="text.secondary">
        {name}
      </Typography>
    </>
  ) : (
    <>{name}</>
  );
};

/** The titles of a version's facts in the console's language. */
function useFactTitles(ruleset: string | undefined, version: number | undefined, locale: string) {
  const [titles, setTitles] = useState(new Map<string, string>());
  useEffect(() => {
    if (ruleset === undefined || version === undefined) return;
    // Words are a help: without them (a reader the version is refused to) the names still say it.
    void dataProvider
      .readPath(`rulesets/${encodeURIComponent(ruleset)}/versions/${version}`)
      .then((read) => {
        const content = (read as { content?: { inputSchema?: unknown } }).content;
        const words = new Map<string, string>();
        for (const option of factOptions(content?.inputSchema)) {
          const title = titleOf(option, locale);
          if (title) words.set(option.label, title);
        }
        setTitles(words);
      })
      .catch(() => undefined);
  }, [ruleset, version, locale]);
  return titles;
}

export type DecisionView = ResponseOf<'/api/v1/decisions/{id}', 'get'>;
type Trace = DecisionView['fired'][number];

/**
 * An operator in the words the rule editor offers (« est dans la liste »), « non (…) » when negated; other
 * decorators (someFact, swap…) keep their names. A risk officer read `not:matches`.
 */
const operatorWords = (operator: string, translate: (key: string, options?: object) => string) => {
  const { decorators, base } = splitOperator(operator);
  const words = translate(`gabarit.editors.operators.${base}`, { _: base });
  const worded = decorators.includes('not') ? translate('gabarit.decision_record.negated', { words }) : words;
  return [...decorators.filter((d) => d !== 'not'), worded].join(' : ');
};

/** A value as written in JSON, but text as it is (a masked « *** » is not quoted). */
const json = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * A code in a narrow column, allowed to break after its underscores, slashes, commas and the dots of a path before
 * it breaks anywhere: « contract_after_listing » wrapped as « contract_after_listi / ng ». Not at a number's
 * decimal point (« 9. / 98 »). Copied, the text is unchanged.
 */
const Breakable = ({ text }: { text: string }) => (
  <>
    {text.split(/(?<=[_/,]|\.(?!\d))/).map((part, i) => (
      <Fragment key={i}>
        {i > 0 && <wbr />}
        {part}
      </Fragment>
    ))}
  </>
);

/**
 * A decision record as staff read it: the rule set and version that decided, when and for whom, the outcome and
 * its explanation, the facts (personal ones masked unless the reader may see them) and each condition of the rules
 * that applied. A decision about no person has no receipt: this is what a risk officer finds it by.
 */
export const DecisionRecord = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [record, setRecord] = useState<DecisionView | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const titles = useFactTitles(record?.ruleset, record?.version, locale === 'en' ? 'en' : 'fr');
  useEffect(() => {
    void dataProvider
      .readPath(`decisions/${encodeURIComponent(id)}`)
      .then((read) => setRecord(read as DecisionView))
      .catch((err: unknown) => setProblem(toProblem(err)));
  }, [id]);
  if (problem) return <ProblemAlert problem={problem} />;
  if (!record) return null;
  const t = (key: string, options?: object) => translate(`gabarit.decision_record.${key}`, options);
  const explanation = record.explanation?.[locale === 'en' ? 'en' : 'fr'];
  return (
    <FactTitles.Provider value={titles}>
      <Paper variant="outlined" sx={{ p: 3 }} component="article" data-testid="decision-record">
        <Typography variant="h1" sx={{ fontSize: '1.6rem', mb: 2 }}>
          {t('title')}
        </Typography>
        <Box
          component="dl"
          // On a phone each label above its value: beside it, the values had a third of the width.
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 2, rowGap: 1 }}
        >
          <Entry label={t('outcome')}>
            {record.events.length === 0
              ? t('no_event')
              : record.events.map((e, i) => (
                  <div key={i}>
                    <strong>{outcomeWithCode(e.type, translate)}</strong> {e.params && <code>{json(e.params)}</code>}
                  </div>
                ))}
          </Entry>
          {explanation && <Entry label={t('explanation')}>{explanation}</Entry>}
          <Entry label={t('decided_at')}>{formatDateTime(record.at, locale)}</Entry>
          <Entry label={t('actor')}>
            <ActorName actor={record.actor} />
          </Entry>
          <Entry label={t('ruleset')}>
            <Link to={`/rulesets/${encodeURIComponent(record.ruleset)}/show`}>{record.ruleset}</Link>
            {' · '}
            {t('version', { version: record.version })}
          </Entry>
          <Entry label={t('reference')}>
            <code>{record.id}</code>
          </Entry>
          <Entry label={t('checksum')}>
            <code style={{ wordBreak: 'break-all' }}>{record.checksum}</code>
          </Entry>
        </Box>

        <Typography variant="h2" sx={{ fontSize: '1.2rem', mt: 3, mb: 1 }}>
          {t('facts')}
        </Typography>
        {/* On a phone each fact's name above its value: beside it, a nested value had a few letters a line. */}
        <Table
          size="small"
          aria-label={t('facts')}
          sx={{
            ...rowsAsBlocksOnPhone,
            '& th': { borderBottom: { xs: 'none', sm: undefined }, pb: { xs: 0, sm: undefined } },
          }}
        >
          <TableBody>
            {Object.entries(record.facts).map(([name, value]) => (
              <TableRow key={name}>
                <TableCell component="th" scope="row" sx={{ width: { sm: '1%' }, verticalAlign: 'top' }}>
                  <FactName label={name} />
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere', verticalAlign: 'top' }}>
                  <FactValue value={value} label={name} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>

        <Typography variant="h2" sx={{ fontSize: '1.2rem', mt: 3, mb: 1 }}>
          {record.fired.length === 0 ? t('none_fired') : t('fired', { smart_count: record.fired.length })}
        </Typography>
        {record.fired.length > 0 && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('conditions_note')}
          </Typography>
        )}
        {record.fired.map((rule) => (
          <RuleConditions key={rule.name} rule={rule} />
        ))}
        <Typography variant="body2" sx={{ mt: 2 }}>
          {t('failed', { smart_count: record.failed.length })}
        </Typography>
      </Paper>
    </FactTitles.Provider>
  );
};

/** Past this many characters of JSON a value stays one JSON text: thousands of nested rows help no reader. */
const LAID_OUT_UP_TO = 10_000;

/**
 * A fact's value as a reader takes it in: an object's members one a line, by name (nested ones indented), a list
 * of plain values separated by commas, anything else as written. It was one line of JSON, cut anywhere on a phone.
 */
const FactValue = ({ value, label }: { value: unknown; label?: string }) => {
  if (value === null || typeof value !== 'object' || JSON.stringify(value).length > LAID_OUT_UP_TO)
    return <code>{json(value)}</code>;
  const plain = (v: unknown) => v === null || typeof v !== 'object';
  if (Array.isArray(value))
    return value.length > 0 && value.every(plain) ? (
      <code>{value.map(json).join(', ')}</code>
    ) : value.length === 0 ? (
      <code>[]</code>
    ) : (
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        {value.map((item, i) => (
          <li key={i}>
            <FactValue value={item} />
          </li>
        ))}
      </Box>
    );
  const members = Object.entries(value);
  if (members.length === 0) return <code>{'{}'}</code>;
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: { xs: 'block', sm: 'grid' },
        gridTemplateColumns: 'fit-content(40%) minmax(0, 1fr)',
        columnGap: 1.5,
        '& dd': { m: 0 },
      }}
    >
      {members.map(([name, member]) => (
        // On a phone a member's value goes beside its name when it fits, else below it, whole; beside it in a
        // column, « Fournitures » had been cut into « Fournitu / res ». A wider screen keeps the columns.
        <Box
          key={name}
          sx={{ display: { xs: 'flex', sm: 'contents' }, flexWrap: 'wrap', columnGap: 1.5, alignItems: 'baseline' }}
        >
          <Box component="dt" sx={{ color: 'text.secondary', flex: '0 1 auto' }}>
            {label === undefined ? name : <FactName label={`${label}.${name}`} name={name} />}
          </Box>
          <Box
            component="dd"
            sx={{
              flex: isLaidOut(member) ? '1 1 100%' : '1 1 8rem',
              minWidth: 0,
              pl: { xs: isLaidOut(member) ? 1.5 : 0, sm: 0 },
            }}
          >
            <FactValue value={member} {...(label !== undefined && { label: `${label}.${name}` })} />
          </Box>
        </Box>
      ))}
    </Box>
  );
};

/** Whether a value shows as nested rows (an object, or a list holding one) rather than as one text. */
const isLaidOut = (value: unknown): boolean =>
  value !== null &&
  typeof value === 'object' &&
  (Array.isArray(value)
    ? value.some((item) => item !== null && typeof item === 'object')
    : Object.keys(value).length > 0) &&
  JSON.stringify(value).length <= LAID_OUT_UP_TO;

const Entry = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Box component="dt" sx={{ fontWeight: 500 }}>
      {label}
    </Box>
    <Box component="dd" sx={{ m: 0 }}>
      {children}
    </Box>
  </>
);

type Omitted = NonNullable<NonNullable<NonNullable<Trace['conditions']>[number]['omitted']>['value']>;

/** A value the trace left out for its size, said by its kind and length (« liste de 2 000 éléments »). */
const OmittedValue = ({ omitted }: { omitted: Omitted }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const count = new Intl.NumberFormat(intlLocale(locale)).format(omitted.length);
  return (
    <em>{translate(`gabarit.decision_record.omitted.${omitted.type}`, { smart_count: omitted.length, count })}</em>
  );
};

/** One rule that applied, each condition with the value the fact had and whether it held. */
const RuleConditions = ({ rule }: { rule: Trace }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`gabarit.decision_record.${key}`);
  return (
    // On a phone the box scrolls sideways: focusable and named, so that a keyboard can scroll it too.
    <Box sx={{ mb: 2, overflowX: 'auto' }} tabIndex={0} role="region" aria-label={rule.name}>
      <Typography variant="subtitle2" component="h3">
        {rule.name}
      </Typography>
      {/* Columns share the width: a long value wraps in its cell rather than pushing the result out of view. Not
          narrower than 600 px: on a phone the box scrolls, where the headers overlapped and words broke a letter a
          line. */}
      <Table
        size="small"
        aria-label={rule.name}
        sx={{
          tableLayout: 'fixed',
          minWidth: 600,
          '& td, & th': { verticalAlign: 'top' },
          '& code': { overflowWrap: 'anywhere' },
        }}
      >
        <colgroup>
          {[22, 16, 24, 24, 14].map((width, i) => (
            <col key={i} style={{ width: `${width}%` }} />
          ))}
        </colgroup>
        <TableHead>
          <TableRow>
            {['fact', 'operator', 'value', 'fact_value', 'result'].map((column) => (
              <TableCell key={column} component="th" scope="col">
                {t(column)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(rule.conditions ?? []).map((c, i) => (
            <TableRow key={i}>
              <TableCell>
                <FactName label={factLabel(c.fact ?? '', c.path)} />
              </TableCell>
              <TableCell>{operatorWords(c.operator ?? '', translate)}</TableCell>
              <TableCell>
                {c.omitted?.value ? (
                  <OmittedValue omitted={c.omitted.value} />
                ) : (
                  <code>
                    <Breakable text={json(c.value)} />
                  </code>
                )}
              </TableCell>
              <TableCell>
                {c.omitted?.factValue ? (
                  <OmittedValue omitted={c.omitted.factValue} />
                ) : (
                  <code>
                    <Breakable text={json(c.factValue)} />
                  </code>
                )}
              </TableCell>
              <TableCell>{t(c.result === true ? 'held' : c.result === false ? 'not_held' : 'not_evaluated')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
