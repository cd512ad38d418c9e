import { useState } from 'react';
import {
  ArrayInput,
  BooleanInput,
  Create,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  useCreate,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { toProblem, type Problem } from '../common/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import type { RequestOf } from '../api/types';
import { formErrorsFrom } from './api-paths';
import { COLUMN_TYPES, type Column } from './cells';
import { CreateHeading } from '../common/PageHeadings';

type NewTable = RequestOf<'/api/v1/reference-tables', 'post'>;

const typeChoices = COLUMN_TYPES.map((id) => ({ id, name: `gabarit.reference_tables.types.${id}` }));

/** The key column is chosen among the columns typed so far. */
const KeyColumnInput = () => {
  const columns = (useWatch({ name: 'columns' }) as Partial<Column>[] | undefined) ?? [];
  const names = [...new Set(columns.map((c) => c?.name?.trim()).filter((n): n is string => !!n))];
  return (
    <SelectInput
      source="keyColumn"
      choices={names.map((id) => ({ id, name: id }))}
      translateChoice={false}
      validate={required()}
      helperText="gabarit.reference_tables.key_column_help"
    />
  );
};

/** A new table: key, name and typed columns; rows come next, in the grid or from a CSV. API problems land on their fields. */
export const ReferenceTableCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  // react-admin's create: POST /api/v1/reference-tables, then the tables list is read again.
  const [create] = useCreate();
  const [problem, setProblem] = useState<Problem | undefined>();
  const submit = async (values: Record<string, unknown>) => {
    const table = values as unknown as NewTable;
    const body: NewTable = {
      key: table.key,
      name: table.name,
      ...(table.description && { description: table.description }),
      keyColumn: table.keyColumn,
      columns: (table.columns ?? []).map((c) => ({
        name: c.name,
        type: c.type,
        ...(c.required && { required: true }),
      })),
    };
    setProblem(undefined);
    try {
      await create('reference-tables', { data: body }, { returnPromise: true });
      // Named: react-admin's « Élément créé » said nothing of which (a console review).
      notify('gabarit.reference_tables.created', { type: 'info', messageArgs: { name: body.name } });
      redirect('show', 'reference-tables', body.key);
      return undefined;
    } catch (err) {
      const found = toProblem(err);
      setProblem(found);
      return formErrorsFrom(found.details);
    }
  };
  return (
    <Create title="gabarit.create_titles.reference-tables">
      <CreateHeading />
      <SimpleForm onSubmit={submit} defaultValues={{ columns: [{ name: '', type: 'string' }] }}>
        {problem && <ProblemAlert problem={problem} onClose={() => setProblem(undefined)} />}
        <TextInput source="key" validate={required()} helperText="gabarit.reference_tables.key_help" />
        <TextInput source="name" validate={required()} />
        <TextInput source="description" multiline minRows={2} />
        <ArrayInput source="columns" label={translate('resources.reference-tables.fields.columns')}>
          {/* Remove buttons always shown: react-admin reveals them on hover only, out of reach of the keyboard. */}
          <SimpleFormIterator
            inline
            disableReordering
            sx={{ '& .RaSimpleFormIterator-action': { visibility: 'visible' } }}
          >
            <TextInput
              source="name"
              label="gabarit.reference_tables.column_name"
              validate={required()}
              helperText={false}
            />
            <SelectInput
              source="type"
              label="gabarit.reference_tables.column_type"
              choices={typeChoices}
              validate={required()}
              helperText={false}
            />
            <BooleanInput source="required" label="gabarit.reference_tables.required" helperText={false} />
          </SimpleFormIterator>
        </ArrayInput>
        <KeyColumnInput />
      </SimpleForm>
    </Create>
  );
};
