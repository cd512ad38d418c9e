import { Alert, Box, Stack, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import {
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useInvalidate } from '../common/use-api-action';
import { problemHeadline, toProblem } from '../common/api-error';
import { LocalDateField } from '../common/LocalDateField';
import { PersonField } from '../common/people';
import { CsvImport } from './CsvImport';
import { DeleteTableButton } from './DeleteTableButton';
import { EditDefinitionButton } from './EditDefinitionButton';
import { PendingChange } from './PendingChange';
import { may } from '../layout/access';
import { UnsavedChangesGuard } from '../common/UnsavedChangesGuard';
import { LastRejection } from './LastRejection';
import { CsvExportButton } from './CsvExportButton';
import { RowsGrid } from './RowsGrid';
import { useReferenceTable, type LoadedTable, type TableView } from './useReferenceTable';
import { RecordHeading } from '../common/PageHeadings';

/** The rows grid and the CSV import share the table and its ETag; a change from either refreshes both. */
const TableEditor = ({ tableKey }: { tableKey: string }) => {
  const translate = useTranslate();
  const refresh = useInvalidate('reference-tables');
  const { identity } = useGetIdentity();
  const { loaded, error, reload, setLoaded } = useReferenceTable(tableKey);
  // A pending change must be decided before the next one: the grid and the import wait for it.
  const editable = may('editReferenceTables', identity?.['roles'] as string[] | undefined) && !loaded?.table.pending;
  const [dirty, setDirty] = useState(false);
  const [csvPending, setCsvPending] = useState(false);
  const changed = useCallback(
    (next: LoadedTable) => {
      setLoaded(next);
      setDirty(false);
      refresh();
    },
    [setLoaded, refresh],
  );
  if (error) return <Alert severity="error">{problemHeadline(toProblem(error), translate)}</Alert>;
  if (!loaded) return null;
  return (
    <Box>
      {/* Rows edited and not saved (signing limits, thresholds) are asked about before leaving, as in every editor. */}
      <UnsavedChangesGuard dirty={dirty || csvPending} kept={false} />
      {/* The buttons wrap under the heading on a phone: in one row, « Supprimer la table » was cut to « S ». */}
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', rowGap: 1, columnGap: 1, mt: 2 }}
      >
        <Typography variant="h6" component="h2">
          {translate('gabarit.reference_tables.rows_title')}
        </Typography>
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }}>
          <CsvExportButton tableKey={tableKey} />
          {/* Rows edited and not saved would be lost when the columns change: saved or discarded first. */}
          {editable && <EditDefinitionButton loaded={loaded} blocked={dirty || csvPending} onSaved={changed} />}
          {editable && (
            <DeleteTableButton tableKey={tableKey} name={loaded.table.name} etag={loaded.etag} onProposed={changed} />
          )}
        </Stack>
      </Stack>
      {loaded.table.lastRejected && !loaded.table.pending && <LastRejection rejected={loaded.table.lastRejected} />}
      {/* Keyed apart from the grid below: siblings sharing a key confuse React, which then leaves stale nodes. */}
      {loaded.table.pending && (
        <PendingChange key={`pending-${loaded.etag}`} loaded={loaded} onDecided={changed} reload={reload} />
      )}
      {/* A new ETag (saved, imported, reloaded) starts the grid afresh from the server's rows. */}
      <RowsGrid
        key={loaded.etag}
        loaded={loaded}
        editable={editable}
        onSaved={changed}
        onDirtyChange={setDirty}
        reload={reload}
      />
      {editable && (
        <CsvImport
          tableKey={tableKey}
          columns={loaded.table.columns}
          etag={loaded.etag}
          blocked={dirty}
          onImported={changed}
          reload={reload}
          onPendingChange={setCsvPending}
        />
      )}
    </Box>
  );
};

const Rows = () => {
  const record = useRecordContext<TableView>();
  return record ? <TableEditor tableKey={record.key} /> : null;
};

/** A reference table: what it is, its rows (editable by analysts and admins) and the CSV import. */
export const ReferenceTableShow = () => (
  <Show>
    <RecordHeading />
    <SimpleShowLayout>
      <TextField source="key" />
      <TextField source="name" />
      <TextField source="description" emptyText="—" />
      <TextField source="keyColumn" />
      <NumberField source="rowCount" />
      <PersonField source="updatedBy" />
      <LocalDateField source="updatedAt" showTime />
      <Rows />
    </SimpleShowLayout>
  </Show>
);
