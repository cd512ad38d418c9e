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
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
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

/** An account's name, roles, access and password; every change is audited by the API. */
export const UserEdit = (props: EditProps) => {
  const notify = useNotify();
  const redirect = useRedirect();
  // « Compte « Léa Roy » enregistré. », not react-admin's « Élément mis à jour ».
  const onSuccess = (saved: { displayName?: string }) => {
    notify('gabarit.users.updated', { type: 'info', messageArgs: { name: saved.displayName } });
    redirect('list', 'users');
  };
  return (
    <Edit mutationMode="pessimistic" transform={userChanges} mutationOptions={{ onSuccess }} {...props}>
      {/* No delete: accounts are disabled, never removed, so the audit trail keeps naming them. */}
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="username" disabled />
        <TextInput source="displayName" validate={required()} />
        <CheckboxGroupInput source="roles" choices={roleChoices} validate={required()} />
        <BooleanInput source="disabled" helperText="gabarit.users.disabled_help" />
        <LockedNotice />
        <PasswordInput
          source="password"
          label="gabarit.users.new_password"
          validate={minLength(12)}
          helperText="gabarit.users.new_password_help"
          autoComplete="new-password"
        />
      </SimpleForm>
    </Edit>
  );
};
