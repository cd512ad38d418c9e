import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { intlLocale } from '../../common/dates';
import { transitionWords } from '../../common/outcomes';
import { useResourceRead } from '../../common/use-resource-read';
import { nodeLabels } from '../editor/tree-model';
import type { ShadowReport } from './use-shadow';
import { blocksOnPhone, PhoneLabel } from '../../common/PhoneLabel';

/** Examples shown before « show all »: twenty full rows made the page about 6 000 pixels tall. */
const FIRST_SHOWN = 5;

/**
 * The rules only one side fired, as the report names them. A decision tree's rule is the path of node ids to
 * its leaf (`statut>age>…>approbation`): the steps both paths share are said once, as « … », so what differs
 * is what shows, each step by its label in `labels` (this side's version) when it has one.
 */
export function differingRules(
  own: string[],
  other: string[],
  labels: ReadonlyMap<string, string> = new Map(),
): string[] {
  const steps = (name: string) => name.split('>');
  return own.map((name) => {
    if (!name.includes('>')) return name;
    const mine = steps(name);
    // The longest start this path shares with any path of the other side.
    const shared = Math.max(
      0,
      ...other.map((o) => {
        const theirs = steps(o);
        let n = 0;
        while (n < mine.length - 1 && n < theirs.length && mine[n] === theirs[n]) n++;
        return n;
      }),
    );
    const words = mine.slice(shared).map((id) => labels.get(id) ?? id);
    return (shared === 0 ? words : ['…', ...words]).join(' › ');
  });
}

/** A version's tree node labels in the console's language (empty until read, and for other formats). */
function useNodeLabels(rulesetKey: string, version: number | null | undefined): Map<string, string> {
  const [locale] = useLocaleState();
  const read = useResourceRead<{ content?: { definition?: unknown } }>(
    'rulesets',
    rulesetKey,
    version === null || version === undefined ? undefined : `versions/${version}`,
  );
  return nodeLabels(read.data?.content?.definition, locale);
}

/**
 * The examples of different decisions: the first few, the others on request; facts folded under each row. The
 * rules each side fired alone are worded with that side's labels: before, the version compared with; after, the
 * version in shadow.
 */
export const ShadowExamples = ({ report, rulesetKey }: { report: ShadowReport; rulesetKey: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [all, setAll] = useState(false);
  // Only a tree's rules are paths of node ids: other formats' names are the analysts' own, and read as they are.
  const paths = report.examples.some((e) => [...e.rulesOnlyBefore, ...e.rulesOnlyAfter].some((r) => r.includes('>')));
  const beforeLabels = useNodeLabels(rulesetKey, paths ? report.comparedWith : undefined);
  const afterLabels = useNodeLabels(rulesetKey, paths ? report.version : undefined);
  const shown = all ? report.examples : report.examples.slice(0, FIRST_SHOWN);
  const rules = (own: string[], other: string[], labels: Map<string, string>) => {
    const words = differingRules(own, other, labels);
    return words.length === 0 ? '—' : words.map((w, i) => <div key={i}>{w}</div>);
  };
  return (
    <Box component="section" aria-labelledby="shadow-examples-title" sx={{ mt: 3 }}>
      <Typography id="shadow-examples-title" variant="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {translate('gabarit.shadow.examples')}
      </Typography>
      {/* A sample, not every different decision: the service keeps the first of each transition, up to a bound.
          The list had read as all of them (a console review). */}
      {report.diverged > report.examples.length && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="shadow-examples-sample">
          {translate('gabarit.shadow.examples_sample', {
            smart_count: report.examples.length,
            examples: new Intl.NumberFormat(intlLocale(locale)).format(report.examples.length),
            diverged: new Intl.NumberFormat(intlLocale(locale)).format(report.diverged),
          })}
        </Typography>
      )}
      {report.maskedFacts && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('gabarit.shadow.masked')}
        </Typography>
      )}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-labelledby="shadow-examples-title" sx={blocksOnPhone}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('gabarit.shadow.evaluation_id')}</TableCell>
              <TableCell>{translate('gabarit.shadow.before')}</TableCell>
              <TableCell>{translate('gabarit.shadow.after')}</TableCell>
              <TableCell>{translate('gabarit.shadow.rules_only_before')}</TableCell>
              <TableCell>{translate('gabarit.shadow.rules_only_after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((example) => (
              <TableRow key={example.evaluationId} sx={{ verticalAlign: 'top' }}>
                <TableCell sx={{ maxWidth: { sm: 200 } }}>
                  <PhoneLabel>{translate('gabarit.shadow.evaluation_id')}</PhoneLabel>
                  <Box component="code" sx={{ fontSize: '0.8rem', overflowWrap: 'anywhere' }}>
                    {example.evaluationId}
                  </Box>
                  {/* The facts folded under the id: a column of its own sat off to the right of the table. */}
                  {example.facts !== undefined && (
                    <details>
                      <summary>{translate('gabarit.shadow.facts')}</summary>
                      <Box
                        component="code"
                        sx={{ display: 'block', fontSize: '0.8rem', overflowWrap: 'anywhere', maxWidth: 480 }}
                      >
                        {JSON.stringify(example.facts)}
                      </Box>
                    </details>
                  )}
                </TableCell>
                <TableCell sx={{ minWidth: { sm: 150 } }}>
                  <PhoneLabel>{translate('gabarit.shadow.before')}</PhoneLabel>
                  <span title={example.before}>{transitionWords(example.before, translate)}</span>
                </TableCell>
                <TableCell sx={{ minWidth: { sm: 150 } }}>
                  <PhoneLabel>{translate('gabarit.shadow.after')}</PhoneLabel>
                  <span title={example.after}>{transitionWords(example.after, translate)}</span>
                </TableCell>
                <TableCell>
                  <PhoneLabel>{translate('gabarit.shadow.rules_only_before')}</PhoneLabel>
                  {rules(example.rulesOnlyBefore, example.rulesOnlyAfter, beforeLabels)}
                </TableCell>
                <TableCell>
                  <PhoneLabel>{translate('gabarit.shadow.rules_only_after')}</PhoneLabel>
                  {rules(example.rulesOnlyAfter, example.rulesOnlyBefore, afterLabels)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {report.examples.length > FIRST_SHOWN && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => setAll(!all)}>
          {translate(all ? 'gabarit.shadow.examples_fewer' : 'gabarit.shadow.examples_all', {
            count: report.examples.length,
          })}
        </Button>
      )}
    </Box>
  );
};
