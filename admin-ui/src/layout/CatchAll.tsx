import LockIcon from '@mui/icons-material/Lock';
import { Box, Button, Typography } from '@mui/material';
import { Link, NotFound, Title, useLocation, usePermissions, useTranslate } from 'react-admin';
import { mayOpen, RESOURCE_ROLES } from './access';

/**
 * A page no route answers. A resource this person's roles may not open is not missing: it says access is denied
 * and which roles may open it. Anything else is react-admin's « Page manquante ».
 */
export const CatchAll = () => {
  const { pathname } = useLocation();
  const { permissions } = usePermissions<string[]>();
  const resource = pathname.split('/')[1] ?? '';
  if (!Object.hasOwn(RESOURCE_ROLES, resource) || permissions === undefined || mayOpen(resource, permissions))
    return <NotFound />;
  return <AccessDenied resource={resource} roles={permissions} />;
};

const AccessDenied = ({ resource, roles }: { resource: string; roles: string[] }) => {
  const translate = useTranslate();
  const roleNames = (list: readonly string[]) => list.map((role) => translate(`gabarit.roles.${role}`)).join(', ');
  const title = translate('gabarit.access_denied.title');
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Title title={title} />
      <LockIcon sx={{ fontSize: '4rem', color: 'text.secondary' }} aria-hidden />
      <Typography variant="h1" sx={{ fontSize: '1.75rem', my: 2 }}>
        {title}
      </Typography>
      <Typography>
        {translate('gabarit.access_denied.needs', {
          page: translate(`resources.${resource}.name`, { smart_count: 2 }),
          roles: roleNames(RESOURCE_ROLES[resource]!.roles),
        })}
      </Typography>
      <Typography sx={{ mt: 1 }}>{translate('gabarit.access_denied.yours', { roles: roleNames(roles) })}</Typography>
      <Button component={Link} to="/" sx={{ mt: 3 }}>
        {translate('gabarit.access_denied.home')}
      </Button>
    </Box>
  );
};
