import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { DataTable, List, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { httpClient } from '../dataProvider';

type Verification = { ok: true; events: number } | { ok: false; events: number; brokenAt: { seq: number; reason: string } };

/** Checks the hash chain on demand and says the result in words. */
const VerifyChain = () => {
  const translate = useTranslate();
  const [result, setResult] = useState<Verification | undefined>();
  const verify = async () => setResult((await httpClient('/api/v1/audit/verify')).json as Verification);
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 2 }}>
      {result && (
        <Alert severity={result.ok ? 'success' : 'error'} role="status">
          {result.ok
            ? translate('gabarit.audit.chain_ok', { events: result.events })
            : translate('gabarit.audit.chain_broken', { seq: result.brokenAt.seq, reason: translate(`gabarit.audit.reasons.${result.brokenAt.reason}`) })}
        </Alert>
      )}
      <Button variant="contained" onClick={() => void verify()}>
        {translate('gabarit.audit.verify')}
      </Button>
    </TopToolbar>
  );
};

/** The audit trail, newest first, filterable by actor, action and resource. */
export const AuditList = () => (
  <List
    actions={<VerifyChain />}
    filters={[<TextInput key="actor" source="actor" alwaysOn />, <TextInput key="action" source="action" alwaysOn />, <TextInput key="resourceKey" source="resourceKey" />]}
    sort={{ field: 'seq', order: 'DESC' }}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="seq" />
      <DataTable.Col source="at">
        <LocalDateField source="at" showTime />
      </DataTable.Col>
      <DataTable.Col source="actor" />
      <DataTable.Col source="action" />
      <DataTable.Col source="resourceKey" />
      <DataTable.Col source="version" />
      <DataTable.Col source="reason" />
    </DataTable>
  </List>
);
