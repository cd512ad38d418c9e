import { Alert } from '@mui/material';
import {
  type EditProps,
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  PasswordInput,
  SaveButton,
  SimpleForm,
  Toolbar,
  TextInput,
  minLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useRefusalOnFields } from '../common/use-create-submit';
import { roleChoices } from './roles';

interface UserForm {
  displayName: string;
  roles: string[];
  disabled: boolean;
  locked?: boolean;
  password?: string;
  unlock?: boolean;
}

/** What the API takes (PUT /users/{username}): the fields an admin may change, a password only when typed. */
export const userChanges = ({ displayName, roles, disabled, password, unlock }: UserForm) => ({
  displayName,
  roles,
  disabled,
  ...(password ? { password } : {}),
  ...(unlock ? { unlock: true as const } : {}),
});

const LockedNotice = () => {
  const record = useRecordContext<UserForm>();
  const translate = useTranslate();
  if (!record?.locked) return null;
  return (
    <>
      <Alert severity="warning" sx={{ mb: 1 }}>
        {translate('gabarit.users.locked_notice')}
      </Alert>
      <BooleanInput source="unlock" label="gabarit.users.unlock" />
    </>
  );
};

/** The form's fields: a problem the API places on one of them is shown there. */
const FIELDS = ['displayName', 'roles', 'disabled', 'password'] as const;

/**
 * Saves the account and says what the API refused in the console's language, each problem on its field (an
 * admin removing their own admin role: on Rôles): react-admin's own save showed the API's English sentence alone.
 */
const useUserSubmit = (id: string) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const refused = useRefusalOnFields(FIELDS);
  return async (values: Record<string, unknown>) => {
    try {
      const { data: saved } = await dataProvider.update('users', {
        id,
        data: userChanges(values as unknown as UserForm),
        previousData: values,
      });
      // « Compte « Léa Roy » enregistré. », not react-admin's « Élément mis à jour ».
      notify('gabarit.users.updated', { type: 'info', messageArgs: { name: saved['displayName'] } });
      redirect('list', 'users');
      return undefined;
    } catch (err) {
      return refused(err);
    }
  };
};

const UserForm = () => {
  const record = useRecordContext<UserForm & { id: string }>();
  const submit = useUserSubmit(String(record?.id ?? ''));
  return (
    // No delete: accounts are disabled, never removed, so the audit trail keeps naming them.
    <SimpleForm
      onSubmit={submit}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TextInput source="username" disabled />
      <TextInput source="displayName" validate={required()} />
      <CheckboxGroupInput source="roles" choices={roleChoices} validate={required()} />
      {/* Shown as « Compte actif », on for an account that may sign in: « Désactivé » off read as a double negative. */}
      <BooleanInput
        source="disabled"
        label="gabarit.users.enabled"
        format={(disabled: boolean | undefined) => !disabled}
        parse={(enabled: boolean) => !enabled}
        helperText="gabarit.users.enabled_help"
      />
      <LockedNotice />
      <PasswordInput
        source="password"
        label="gabarit.users.new_password"
        validate={minLength(12)}
        helperText="gabarit.users.new_password_help"
        autoComplete="new-password"
      />
    </SimpleForm>
  );
};

/** An account's name, roles, access and password; every change is audited by the API. */
export const UserEdit = (props: EditProps) => (
  <Edit mutationMode="pessimistic" {...props}>
    <UserForm />
  </Edit>
);
