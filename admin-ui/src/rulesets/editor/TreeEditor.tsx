import AddIcon from '@mui/icons-material/Add';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Button, Chip, IconButton, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { alpha } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { ANALYSIS_TARGET, findingsUnder, useAnalysisFindings, worst } from '../analysis/analysis-model';
import { FindingList } from '../analysis/FindingList';
import { ConditionBuilder } from './ConditionBuilder';
import { newLeaf } from './condition-model';
import type { FactOption } from './fact-paths';
import { getAt, removeAt, setAt, toPointerText, type Pointer } from './json-pointer';
import { ParamsInput } from './ParamsInput';
import { countUnder, type ProblemMap } from './problems';
import { newBranch, nodeIds, treeLines, type TreeLine, type TreeNode } from './tree-model';
import { OutcomeInput } from './OutcomeInput';

interface Props {
  definition: { root: TreeNode };
  onChange: (definition: { root: TreeNode }) => void;
  facts: FactOption[];
  problems: ProblemMap;
}

/** A decision tree as an indented, collapsible outline: each node's branches with their conditions, leaves with their outcome. */
export const TreeEditor = ({ definition, onChange, facts, problems }: Props) => {
  const translate = useTranslate();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const findings = useAnalysisFindings();
  const toggle = (id: string) =>
    setCollapsed((c) => (c.has(id) ? new Set([...c].filter((x) => x !== id)) : new Set([...c, id])));
  const set = (path: Pointer, value: unknown) => onChange(setAt(definition, path, value));
  // A branch just added gets the focus, scrolled into view: it lands after the whole subtree of the branches before
  // it, often screens below the button, and nothing said it was there (a console review).
  const [added, setAdded] = useState<string>();
  useEffect(() => {
    if (!added) return;
    const target = [...document.querySelectorAll<HTMLElement>(`[${ANALYSIS_TARGET}]`)].find(
      (element) => element.getAttribute(ANALYSIS_TARGET) === added,
    );
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus();
    setAdded(undefined);
  }, [added]);
  const errors = (path: Pointer, field: string) => problems.get(`${toPointerText(path)}/${field}`) ?? [];
  const field = (path: Pointer, name: string, label: string, value: string | undefined, multiline = false) => (
    <TextField
      size="small"
      // As wide as its place: at the field's own width a question or a branch label was cut (« Âge au début de la
      // couvertu »), with room to spare beside it.
      fullWidth
      multiline={multiline}
      label={label}
      value={value ?? ''}
      error={errors(path, name).length > 0}
      helperText={errors(path, name).join(' ') || undefined}
      onChange={(e) =>
        // An emptied English label goes away (the French one is used), instead of an empty text the server refuses.
        name === 'labelEn' && e.target.value === ''
          ? onChange(removeAt(definition, [...path, name]))
          : set([...path, ...name.split('/')], e.target.value)
      }
    />
  );

  // The decisions the tree gives already (every leaf, folded or not): offered where a leaf's decision is written.
  const usedOutcomes = treeLines(definition.root).map((l) => l.node.outcome?.type ?? '');
  const line = ({ path, depth, node, via, isLeaf }: TreeLine) => {
    const branchPath = via?.kind === 'branch' ? path.slice(0, -1) : undefined;
    const hasChildren = !isLeaf && (node.branches?.length || node.otherwise);
    const issues = countUnder(problems, toPointerText(path));
    // The analysis' findings on this branch or node, not on the nodes below it (their own lines show them).
    const own = findingsUnder(findings, toPointerText(branchPath ?? path), [
      `${toPointerText(path)}/branches`,
      `${toPointerText(path)}/otherwise`,
    ]);
    const severity = worst(own);
    const place = via
      ? via.kind === 'otherwise'
        ? translate('gabarit.editors.otherwise')
        : translate('gabarit.editors.branch_n', { n: via.index + 1 })
      : translate('gabarit.editors.root');
    // The way down from the root (« Branche 1 › Sinon »): the nodes are a flat list to a screen reader, and
    // « Branche 1 » alone was said at every depth.
    const way = wayFromRoot(path, translate) || place;
    // Each node is a group named by where it is and what it asks or decides (« Branche 1 — Résultat « refus » »):
    // a `tree` of `treeitem`s promised arrow keys this editor does not have, and named outcomes not at all.
    const nodeName = translate('gabarit.editors.node_group', {
      place: way,
      kind: translate(isLeaf ? 'gabarit.editors.outcome' : 'gabarit.editors.question'),
      name: (!isLeaf && node.label) || node.outcome?.type || node.id,
    });
    return (
      <Paper
        key={toPointerText(path)}
        variant="outlined"
        sx={{
          // 32 px a level left a node eight levels down 150 px of a phone's 390 (its fields cut off at the edge).
          ml: { xs: Math.min(depth, 8), sm: depth * 4 },
          p: { xs: 1, sm: 1.5 },
          mb: 1,
          ...(severity && {
            bgcolor: (theme) => alpha(theme.palette[severity].main, 0.06),
            borderColor: `${severity}.main`,
            borderLeftWidth: 4,
          }),
          '&:focus': { outline: 2, outlineColor: 'primary.main' },
        }}
        {...{ [ANALYSIS_TARGET]: toPointerText(branchPath ?? path) }}
        tabIndex={-1}
        role="group"
        aria-label={nodeName}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          {hasChildren ? (
            <IconButton
              size="small"
              aria-expanded={!collapsed.has(node.id)}
              aria-label={translate(collapsed.has(node.id) ? 'gabarit.editors.expand' : 'gabarit.editors.collapse', {
                name: node.label || node.id,
              })}
              onClick={() => toggle(node.id)}
            >
              {collapsed.has(node.id) ? <ChevronRightIcon /> : <ExpandMoreIcon />}
            </IconButton>
          ) : null}
          <Chip size="small" variant="outlined" label={place} />
          {isLeaf ? (
            <Chip size="small" color="success" label={translate('gabarit.editors.outcome')} />
          ) : (
            <Chip size="small" color="primary" label={translate('gabarit.editors.question')} />
          )}
          {issues > 0 && (
            <Chip
              size="small"
              color="error"
              label={translate('gabarit.editors.problem_count', { smart_count: issues })}
            />
          )}
          <Box sx={{ width: 200 }}>{field(path, 'id', translate('gabarit.editors.node_id'), node.id)}</Box>
          {!isLeaf && (
            <Box sx={{ flex: 1, minWidth: 200 }}>
              {field(path, 'label', translate('gabarit.editors.node_label'), node.label)}
            </Box>
          )}
          {!isLeaf && (
            <Box sx={{ flex: 1, minWidth: 200 }}>
              {field(path, 'labelEn', translate('gabarit.editors.node_label_en'), node.labelEn)}
            </Box>
          )}
          {isLeaf && (
            <Box sx={{ width: 200 }}>
              <OutcomeInput
                label={translate('gabarit.editors.event_type')}
                value={node.outcome?.type}
                used={usedOutcomes}
                errors={errors(path, 'outcome/type')}
                onChange={(type) => set([...path, 'outcome', 'type'], type)}
                width={200}
              />
            </Box>
          )}
          {isLeaf && (
            <ParamsInput
              value={node.outcome?.params}
              errors={errors(path, 'outcome/params')}
              onChange={(params) =>
                set([...path, 'outcome'], { type: node.outcome?.type ?? '', ...(params ? { params } : {}) })
              }
            />
          )}
          {branchPath && (
            <Button
              size="small"
              color="error"
              aria-label={translate('gabarit.action_for', {
                action: translate('gabarit.editors.remove_branch'),
                what: way,
              })}
              onClick={() => onChange(removeAt(definition, branchPath))}
            >
              {translate('gabarit.editors.remove_branch')}
            </Button>
          )}
        </Stack>
        <FindingList findings={own} />
        {branchPath && (
          <Box sx={{ mt: 1 }}>
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
              <Box sx={{ flex: 1, minWidth: 200 }}>
                {field(
                  branchPath,
                  'label',
                  translate('gabarit.editors.branch_label'),
                  (getAt(definition, branchPath) as { label?: string }).label,
                )}
              </Box>
              <Box sx={{ flex: 1, minWidth: 200 }}>
                {field(
                  branchPath,
                  'labelEn',
                  translate('gabarit.editors.branch_label_en'),
                  (getAt(definition, branchPath) as { labelEn?: string }).labelEn,
                )}
              </Box>
            </Stack>
            <Typography variant="caption" component="p" sx={{ mt: 1 }}>
              {translate('gabarit.editors.branch_when')}
            </Typography>
            <ConditionBuilder
              root={(getAt(definition, branchPath) as { when: never }).when}
              onChange={(c) => set([...branchPath, 'when'], c)}
              facts={facts}
              namedConditions={[]}
              problems={problems}
              prefix={`${toPointerText(branchPath)}/when`}
            />
          </Box>
        )}
        {isLeaf && (
          <Stack spacing={1} sx={{ mt: 1 }}>
            {field(path, 'explanation/fr', translate('gabarit.editors.explanation_fr'), node.explanation?.fr, true)}
            {field(path, 'explanation/en', translate('gabarit.editors.explanation_en'), node.explanation?.en, true)}
          </Stack>
        )}
        {!isLeaf && !collapsed.has(node.id) && (
          <Button
            size="small"
            startIcon={<AddIcon />}
            sx={{ mt: 1 }}
            onClick={() => {
              const branches = node.branches ?? [];
              set([...path, 'branches'], [...branches, newBranch(nodeIds(definition.root), { all: [newLeaf(facts)] })]);
              setAdded(toPointerText([...path, 'branches', branches.length]));
            }}
          >
            {translate('gabarit.editors.add_branch')}
          </Button>
        )}
      </Paper>
    );
  };

  return (
    <Box role="group" aria-label={translate('gabarit.formats.decisionTree')}>
      {treeLines(definition.root, collapsed).map(line)}
    </Box>
  );
};

/** The branches taken from the root to a node, in words (« Branche 1 › Sinon »); empty for the root. */
function wayFromRoot(path: Pointer, translate: (key: string, options?: object) => string): string {
  const steps: string[] = [];
  path.forEach((segment, i) => {
    if (segment === 'branches') steps.push(translate('gabarit.editors.branch_n', { n: Number(path[i + 1]) + 1 }));
    if (segment === 'otherwise') steps.push(translate('gabarit.editors.otherwise'));
  });
  return steps.join(' › ');
}
