import {
  Create,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { formErrors, problemHeadline, toProblem } from '../common/api-error';
import { CodeEditorInput } from '../common/CodeEditorInput';
import { parseJsonObject } from './variables';
import { pilotChoices } from '../common/pilots';
import { CreateHeading } from '../common/PageHeadings';

const DEFAULTS = {
  pilot: 'chatbot',
  locale: 'fr',
  model: 'claude-sonnet-4-6',
  maxTokens: 500,
  template: '',
  system: '',
  variablesSchema: JSON.stringify({ type: 'object', required: [], properties: {} }, null, 2),
};

/** A new prompt (analysts): its first draft, version 1. The API's problems land on their fields. */
export const PromptCreate = () => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();

  const submit = async (values: Record<string, unknown>) => {
    const schema = parseJsonObject(String(values['variablesSchema'] ?? ''));
    if ('error' in schema) return { variablesSchema: schema.error };
    const { system, ...rest } = values;
    const data = {
      ...rest,
      ...(typeof system === 'string' && system.trim() && { system }),
      variablesSchema: schema.value,
    };
    try {
      const { data: created } = await dataProvider.create('prompts', { data });
      notify('gabarit.prompts.created', { type: 'success', messageArgs: { key: created.id } });
      redirect('edit', 'prompts', created.id);
      return undefined;
    } catch (err) {
      const problem = toProblem(err);
      notify(problemHeadline(problem, translate), { type: 'error' });
      if (problem.error === 'key_taken') return { key: problemHeadline(problem, translate) };
      return formErrors(problem, translate);
    }
  };

  return (
    <Create title="gabarit.create_titles.prompts">
      <CreateHeading />
      <SimpleForm onSubmit={submit} defaultValues={DEFAULTS} warnWhenUnsavedChanges>
        <TextInput source="key" validate={required()} helperText="gabarit.prompts.key_help" />
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="pilot" validate={required()} choices={pilotChoices('chatbot')} />
        <SelectInput
          source="locale"
          validate={required()}
          choices={['fr', 'en'].map((id) => ({ id, name: `gabarit.prompts.locales.${id}` }))}
        />
        <TextInput source="model" validate={required()} helperText="gabarit.prompts.model_help" />
        <NumberInput
          source="maxTokens"
          validate={required()}
          min={1}
          max={64000}
          step={1}
          helperText="gabarit.prompts.maxTokens_help"
        />
        <CodeEditorInput source="template" language="handlebars" validate={required()} minHeight="180px" />
        <CodeEditorInput source="system" language="handlebars" minHeight="100px" />
        <CodeEditorInput source="variablesSchema" language="json" validate={required()} minHeight="160px" />
      </SimpleForm>
    </Create>
  );
};
