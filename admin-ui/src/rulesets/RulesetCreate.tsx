import {
  Create,
  FormDataConsumer,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { formRefusal, problemHeadline, toProblem } from '../common/api-error';
import { jsonSyntaxPlace } from '../common/json-syntax';
import { CodeEditorInput } from '../common/CodeEditorInput';
import { STARTER_SCHEMA, starterDefinition } from './starter-content';
import { pilotChoices } from '../common/pilots';
import { CreateHeading } from '../common/PageHeadings';

const FORMATS = ['rules', 'decisionTable', 'decisionTree'];
const FIELDS = ['key', 'name', 'pilot', 'format', 'description', 'inputSchema'];

/** A new rule set (analysts): its facts schema and format; it opens in the editor on a small working example. */
export const RulesetCreate = () => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();

  const submit = async (values: Record<string, unknown>) => {
    let inputSchema: unknown;
    const text = String(values['inputSchema'] ?? '');
    try {
      inputSchema = JSON.parse(text);
    } catch (err) {
      const reason = translate('gabarit.details.syntax.place', jsonSyntaxPlace(text, err));
      return { inputSchema: translate('gabarit.editors.invalid_json', { reason }) };
    }
    const format = String(values['format']);
    const data = {
      ...values,
      ...(values['description'] ? {} : { description: undefined }),
      inputSchema,
      definition: starterDefinition(format),
    };
    try {
      const { data: created } = await dataProvider.create('rulesets', { data });
      notify('gabarit.editors.created', { type: 'success', messageArgs: { key: created.id } });
      redirect('edit', 'rulesets', created.id);
      return undefined;
    } catch (err) {
      const problem = toProblem(err);
      if (problem.error === 'key_taken') {
        notify(problemHeadline(problem, translate), { type: 'error' });
        return { key: problemHeadline(problem, translate) };
      }
      // Problems with no field of this form (there should be none: the starter content is valid) go in the notification.
      const { notice, fieldErrors } = formRefusal(problem, FIELDS, translate);
      notify(notice, { type: 'error', messageArgs: { _: notice } });
      return fieldErrors;
    }
  };

  return (
    <Create title="gabarit.create_titles.rulesets">
      <CreateHeading />
      <SimpleForm
        onSubmit={submit}
        defaultValues={{ pilot: 'invoices', format: 'rules', inputSchema: JSON.stringify(STARTER_SCHEMA, null, 2) }}
        warnWhenUnsavedChanges
      >
        <TextInput source="key" validate={required()} helperText="gabarit.editors.key_help" />
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="pilot" validate={required()} choices={pilotChoices()} />
        <SelectInput
          source="format"
          validate={required()}
          choices={FORMATS.map((id) => ({ id, name: `gabarit.formats.${id}` }))}
        />
        <FormDataConsumer>
          {({ formData }) => (
            <p style={{ margin: 0 }}>{translate(`gabarit.editors.starter_${String(formData.format ?? 'rules')}`)}</p>
          )}
        </FormDataConsumer>
        <TextInput source="description" multiline fullWidth />
        <CodeEditorInput source="inputSchema" language="json" validate={required()} minHeight="200px" />
      </SimpleForm>
    </Create>
  );
};
