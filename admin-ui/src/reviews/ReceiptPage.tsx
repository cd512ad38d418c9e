import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  Chip,
  GlobalStyles,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, Title, useLocaleState, useParams, usePermissions, useTranslate } from 'react-admin';
import type { RequestOf, ResponseOf } from '../api/types';
import { toProblem, type Problem } from '../common/api-error';
import { formatDateTime } from '../common/dates';
import { ProblemAlert } from '../common/ProblemAlert';
import { DecisionRecord } from './DecisionRecord';
import { dataProvider } from '../dataProvider';
import { reviewsMessages as enMessages } from '../i18n/en/reviews';
import { reviewsMessages as frMessages } from '../i18n/fr/reviews';
import { typesetFrench } from '../i18n/typography';
import { may } from '../layout/access';

export type Receipt = ResponseOf<'/api/v1/decisions/{id}/receipt', 'get'>;
type ReviewRequest = RequestOf<'/api/v1/decisions/{id}/reviews', 'post'>;
type Created = ResponseOf<'/api/v1/decisions/{id}/reviews', 'post', 201>;

const RECEIVED_VIA = ['in_person', 'phone', 'mail', 'email', 'online', 'other'] as const;

// Printing shows the receipt alone: no app bar, menu or console controls.
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        // The menu is react-admin's drawer: its classes are RaSidebar-docked or -fixed, never RaSidebar-root.
        'header, .MuiAppBar-root, .MuiDrawer-root, .RaSidebar-docked, .RaSidebar-fixed, .RaAppBar-root, .no-print': {
          display: 'none !important',
        },
        '.RaLayout-content, .RaLayout-contentWithSidebar': { padding: '0 !important', margin: '0 !important' },
        '.receipt-sheet': { boxShadow: 'none !important', border: 'none !important' },
        body: { background: 'white' },
      },
    }}
  />
);

// The receipt's labels follow the receipt's language, not the console's: a French console prints English receipts.
const flat = (messages: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(messages).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
const labels: Record<'fr' | 'en', Record<string, string>> = {
  fr: Object.fromEntries(Object.entries(flat(frMessages.gabarit.receipt)).map(([k, v]) => [k, typesetFrench(v)])),
  en: flat(enMessages.gabarit.receipt),
};

const valueText = (value: unknown, lang: 'fr' | 'en') =>
  typeof value === 'string'
    ? value
    : typeof value === 'boolean'
      ? value
        ? lang === 'fr'
          ? 'oui'
          : 'yes'
        : lang === 'fr'
          ? 'non'
          : 'no'
      : JSON.stringify(value);

/**
 * The receipt of an automated decision about a person (Law 25, s. 65.2), as the person reads it: printable, in
 * French or English whatever the console's language; personal values only for those who may see them.
 */
export const ReceiptPage = () => {
  const { id = '' } = useParams();
  return <ReceiptView id={id} />;
};

/** The receipt of one decision, with the language switch, printing and (for staff) the observations form. */
export const ReceiptView = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [lang, setLang] = useState<'fr' | 'en'>(locale === 'en' ? 'en' : 'fr');
  const [receipt, setReceipt] = useState<Receipt | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const { permissions } = usePermissions<string[]>();
  const mayRecord = may('recordReview', permissions);
  // Read again once a request is recorded: the receipt printed right after did not mention it until a reload.
  const [requests, setRequests] = useState(0);

  useEffect(() => {
    setProblem(undefined);
    void dataProvider
      .readPath(`decisions/${encodeURIComponent(id)}/receipt?lang=${lang}`)
      .then((json) => setReceipt(json as Receipt))
      .catch((err: unknown) => {
        setReceipt(undefined);
        setProblem(toProblem(err));
      });
  }, [id, lang, requests]);

  // A decision about no person has no receipt: its record is shown instead, without a receipt's language switch.
  const recordOnly = problem?.error === 'not_about_persons';
  return (
    <Box sx={{ p: 2, maxWidth: 960 }}>
      {printStyles}
      <Title title={translate(recordOnly ? 'gabarit.decision_record.title' : 'gabarit.receipt.title')} />
      <Stack
        direction="row"
        spacing={2}
        className="no-print"
        sx={{ mb: 2, alignItems: 'center', display: recordOnly ? 'none' : undefined }}
      >
        <ToggleButtonGroup
          exclusive
          size="small"
          value={lang}
          onChange={(_, next: 'fr' | 'en' | null) => next && setLang(next)}
          aria-label={translate('gabarit.receipt.language')}
        >
          <ToggleButton value="fr" lang="fr">
            {translate('gabarit.receipt.lang_fr')}
          </ToggleButton>
          <ToggleButton value="en" lang="en">
            {translate('gabarit.receipt.lang_en')}
          </ToggleButton>
        </ToggleButtonGroup>
        {/* Shown once there is something to print (a button that turns from disabled to enabled fades its colours). */}
        {receipt && (
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
            {translate('gabarit.receipt.print')}
          </Button>
        )}
      </Stack>
      {/* An unknown reference is most often mistyped, or its record has passed the retention period: both said. */}
      {/* The hint says what the detail (« /id : ne désigne aucune décision conservée ») said again, in words. */}
      {/* A decision about no person has no receipt: its record says what was decided and why. */}
      {recordOnly ? (
        <>
          <Alert severity="info" role="status" sx={{ mb: 2 }}>
            {translate('gabarit.decision_record.not_about_persons')}
          </Alert>
          <DecisionRecord id={id} />
        </>
      ) : (
        problem && (
          <ProblemAlert problem={problem.status === 404 ? { ...problem, details: [] } : problem}>
            {problem.status === 404 && translate('gabarit.receipt.not_found_hint')}
          </ProblemAlert>
        )
      )}
      {problem?.status === 404 && <Link to="/">{translate('gabarit.receipt.find_another')}</Link>}
      {receipt && <ReceiptSheet receipt={receipt} />}
      {receipt && mayRecord && (
        <RecordObservations
          decisionId={id}
          pending={receipt.pendingReview !== undefined}
          onRecorded={() => setRequests((n) => n + 1)}
        />
      )}
    </Box>
  );
};

/** The receipt itself, in its own language (`lang`), labels from the console's messages in that language. */
export const ReceiptSheet = ({ receipt }: { receipt: Receipt }) => {
  const lang = receipt.lang;
  const label = (key: string) => labels[lang][key] ?? key;
  return (
    <Paper className="receipt-sheet" variant="outlined" lang={lang} sx={{ p: 3 }} component="article">
      <Typography variant="h1" sx={{ fontSize: '1.6rem', mb: 2 }}>
        {receipt.title}
      </Typography>
      {/* On a phone each label above its value: « Décision automatisée initiale » beside it pushed the values past
          the screen's edge. */}
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'max-content 1fr' },
          columnGap: 2,
          rowGap: { xs: 0.25, sm: 1 },
          '& > dt:not(:first-of-type)': { mt: { xs: 1, sm: 0 } },
          '& > dt': { fontWeight: { xs: 500, sm: 'inherit' } },
        }}
      >
        <dt>{label('decision')}</dt>
        {/* Words only, the decision that holds first: the person reads « Documents demandés », not a code. */}
        <dd style={{ margin: 0 }}>
          <strong>{receipt.decision.outcome}</strong>
        </dd>
        {receipt.decision.automatedOutcome && (
          <>
            <dt>{label('automated_decision')}</dt>
            <dd style={{ margin: 0 }}>{receipt.decision.automatedOutcome}</dd>
          </>
        )}
        <dt>{label('decided_at')}</dt>
        <dd style={{ margin: 0 }}>{receipt.decidedAtText}</dd>
        {/* What the rights below ask the person to quote, and what staff open the decision by. */}
        <dt>{label('reference')}</dt>
        <dd style={{ margin: 0, fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="receipt-reference">
          {receipt.decisionId}
        </dd>
        <dt>{label('ruleset')}</dt>
        <dd style={{ margin: 0 }}>
          {receipt.rulesetName ? `${receipt.rulesetName} (${receipt.ruleset})` : receipt.ruleset}
        </dd>
        <dt>{label('version')}</dt>
        <dd style={{ margin: 0 }}>{receipt.version}</dd>
        <dt>{label('checksum')}</dt>
        <dd style={{ margin: 0, fontFamily: 'monospace', wordBreak: 'break-all' }}>{receipt.checksum}</dd>
      </Box>

      <SheetHeading>{label('information')}</SheetHeading>
      {!receipt.personalValuesShown && (
        <Alert severity="info" sx={{ mb: 1 }} className="no-print">
          {label('masked_notice')}
        </Alert>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {label('field')}
            </TableCell>
            <TableCell component="th" scope="col">
              {label('value')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {receipt.personalInformation.map((item) => (
            <TableRow key={item.path}>
              <TableCell>
                {item.title}
                {item.personal && (
                  <Chip size="small" label={label('personal')} sx={{ ml: 1 }} variant="outlined" color="primary" />
                )}
              </TableCell>
              <TableCell>
                {item.shown ? (item.valueText ?? valueText(item.value, lang)) : <em>{label('not_shown')}</em>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <SheetHeading>{label('factors')}</SheetHeading>
      {receipt.summary ? (
        <Typography component="p">{receipt.summary}</Typography>
      ) : (
        receipt.factors.map((factor, i) => (
          <Typography key={i} component="p">
            {factor.text}
          </Typography>
        ))
      )}

      {/* Since decided otherwise by a person: what holds now comes before the rights. */}
      {receipt.review && (
        <SheetSection title={label('reviewed')} testId="receipt-review">
          <Typography component="p">{receipt.review.text}</Typography>
          {/* The reason is withheld from a reader who may not see personal values: said so, not left out unseen. */}
          {(receipt.review.reason !== undefined || !receipt.personalValuesShown) && (
            <Typography component="p">
              {receipt.review.reason !== undefined
                ? label('review_reason').replace('%{reason}', () => receipt.review!.reason!)
                : label('review_reason_withheld')}
            </Typography>
          )}
        </SheetSection>
      )}

      {/* A request received and not yet decided: the person learns it reached someone, and by when. */}
      {receipt.pendingReview && (
        <SheetSection title={label('review_pending')} testId="receipt-pending-review">
          <Typography component="p">{receipt.pendingReview.text}</Typography>
        </SheetSection>
      )}

      <SheetHeading>{label('rights')}</SheetHeading>
      {[receipt.rights.correction, receipt.rights.review].map((right) => (
        <Box key={right.title} sx={{ mb: 1 }}>
          <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
            {right.title}
          </Typography>
          <Typography component="p">{right.text}</Typography>
        </Box>
      ))}
      <Typography variant="body2" sx={{ mt: 3 }}>
        {label('audit_ref')} <span style={{ fontFamily: 'monospace' }}>{receipt.auditRef}</span>
      </Typography>
    </Paper>
  );
};

/** A heading of the receipt sheet. */
const SheetHeading = ({ children }: { children: ReactNode }) => (
  <Typography variant="h2" sx={{ fontSize: '1.25rem', mt: 3, mb: 1 }}>
    {children}
  </Typography>
);

/** A part of the sheet shown only when it applies (a review decided, a request under way), under its heading. */
const SheetSection = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Box data-testid={testId}>
    <SheetHeading>{title}</SheetHeading>
    {children}
  </Box>
);

/** A staff member records the person's observations: a review request, due in REVIEW_DUE_DAYS. */
const RecordObservations = ({
  decisionId,
  pending,
  onRecorded,
}: {
  decisionId: string;
  pending: boolean;
  onRecorded: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [observations, setObservations] = useState('');
  const [receivedVia, setReceivedVia] = useState<ReviewRequest['receivedVia'] | ''>('');
  const [created, setCreated] = useState<Created | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const submit = async () => {
    setProblem(undefined);
    try {
      const body: ReviewRequest = { observations, ...(receivedVia && { receivedVia }) };
      setCreated((await dataProvider.command('decisions', { id: decisionId, command: 'reviews', body })) as Created);
      onRecorded();
      setObservations('');
    } catch (err) {
      setProblem(toProblem(err));
    }
  };
  return (
    <Box component="section" className="no-print" aria-labelledby="observations-title" sx={{ mt: 3 }}>
      <Typography id="observations-title" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {translate('gabarit.receipt.observations_title')}
      </Typography>
      {/* A request already under way (or just recorded here): new words make another one, with its own due date. */}
      {(pending || created) && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('gabarit.receipt.another_request')}
        </Alert>
      )}
      <TextField
        label={translate('gabarit.receipt.observations')}
        multiline
        minRows={3}
        fullWidth
        value={observations}
        onChange={(e) => setObservations(e.target.value)}
      />
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('gabarit.receipt.received_via')}
          value={receivedVia}
          onChange={(e) => setReceivedVia(e.target.value as ReviewRequest['receivedVia'])}
          sx={{ width: 220 }}
        >
          {RECEIVED_VIA.map((via) => (
            <MenuItem key={via} value={via}>
              {translate(`gabarit.receipt.via.${via}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" disabled={observations.trim() === ''} onClick={() => void submit()}>
          {translate('gabarit.receipt.submit')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} />}
      {created && (
        <Alert severity="success" role="status" sx={{ mt: 2 }}>
          {translate('gabarit.receipt.submitted', { due: formatDateTime(created.dueAt, locale) })}
        </Alert>
      )}
    </Box>
  );
};
