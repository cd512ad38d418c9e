import { CheckboxGroupInput, Create, PasswordInput, SimpleForm, TextInput, minLength, required } from 'react-admin';
import { roleChoices } from './roles';

/** A new account: its sign-in name, the name people see, a first password and its roles. */
export const UserCreate = () => (
  <Create title="gabarit.create_titles.users" redirect="list">
    <SimpleForm>
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
