import {
  CheckboxGroupInput,
  Create,
  PasswordInput,
  SimpleForm,
  TextInput,
  minLength,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import { useCreateSubmit } from '../common/use-create-submit';
import { roleChoices } from './roles';
import { CreateHeading } from '../common/PageHeadings';

/** A new account: its sign-in name, the name people see, a first password and its roles. */
export const UserCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  // A name already taken is said on the sign-in name, in the console's language.
  const submit = useCreateSubmit('users', {
    fields: ['username', 'displayName', 'password', 'roles'],
    onCreated: (created) => {
      notify('gabarit.users.created', { type: 'info', messageArgs: { name: created['displayName'] } });
      redirect('list', 'users');
    },
  });
  return (
    <Create title="gabarit.create_titles.users">
      <CreateHeading />
      <SimpleForm onSubmit={submit}>
        <TextInput source="username" validate={required()} helperText="gabarit.users.username_help" />
        <TextInput source="displayName" validate={required()} />
        <PasswordInput
          source="password"
          validate={[required(), minLength(12)]}
          helperText="gabarit.users.password_help"
          autoComplete="new-password"
        />
        <CheckboxGroupInput source="roles" choices={roleChoices} validate={required()} />
      </SimpleForm>
    </Create>
  );
};
