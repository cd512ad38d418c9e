import { useWatch } from 'react-hook-form';
import {
  Create,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  regex,
  required,
  useGetList,
} from 'react-admin';
import { ProblemAlert } from '../common/ProblemAlert';
import { KEY_PATTERN, toCreateRequest, type ExperimentFormValues } from './experiment-form';
import { useExperimentSubmit } from './useExperimentSubmit';
import { VariantsInput } from './VariantsInput';
import { CreateHeading } from '../common/PageHeadings';

const keyRules = [required(), regex(KEY_PATTERN, 'gabarit.experiments.validation.key')];
const nameRules = [required(), maxLength(200)];
const DEFAULTS: ExperimentFormValues = {
  coverage: 100,
  variants: [
    { name: 'a', weight: 50 },
    { name: 'b', weight: 50 },
  ],
};

const PromptInput = () => {
  const { data = [] } = useGetList<{ id: string; key: string; name: string }>('prompts', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'key', order: 'ASC' },
  });
  return (
    <SelectInput
      source="prompt"
      choices={data.map((p) => ({ id: p.key, name: `${p.name} (${p.key})` }))}
      translateChoice={false}
      validate={required()}
    />
  );
};

const Variants = () => <VariantsInput prompt={useWatch<ExperimentFormValues, 'prompt'>({ name: 'prompt' })} />;

/** A new experiment, saved as a draft version 1 that goes through review before it starts (analysts). */
export const ExperimentCreate = () => {
  const { send, problem, clearProblem } = useExperimentSubmit();
  const submit = (values: ExperimentFormValues) => {
    const body = toCreateRequest(values);
    return send({ body, done: 'gabarit.experiments.created' });
  };
  return (
    <Create title="gabarit.create_titles.experiments">
      <CreateHeading />
      <SimpleForm
        onSubmit={submit}
        defaultValues={DEFAULTS}
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        {problem && <ProblemAlert problem={problem} onClose={clearProblem} />}
        <TextInput source="key" validate={keyRules} />
        <TextInput source="name" validate={nameRules} fullWidth />
        <PromptInput />
        <Variants />
      </SimpleForm>
    </Create>
  );
};
