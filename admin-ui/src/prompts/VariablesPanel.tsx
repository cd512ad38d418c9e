import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment } from 'react';
import { useTranslate } from 'react-admin';
import { declaredVariables } from './variables';

/** The variables the schema declares (what the template may read), with their type, whether required, and meaning. */
export const VariablesPanel = ({ schema }: { schema: unknown }) => {
  const translate = useTranslate();
  const rows = declaredVariables(schema);
  return (
    <Box component="section" aria-labelledby="prompt-variables-title">
      <Typography id="prompt-variables-title" variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {translate('gabarit.prompts.variables_title')}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">{translate('gabarit.prompts.no_variables')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="prompt-variables-title" sx={{ '& td, & th': { px: 1 } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('gabarit.prompts.variable')}</TableCell>
                <TableCell>{translate('gabarit.prompts.type')}</TableCell>
                <TableCell>{translate('gabarit.prompts.required')}</TableCell>
                <TableCell sx={{ minWidth: 140 }}>{translate('gabarit.prompts.description')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.path}>
                  <TableCell style={{ paddingLeft: 8 + row.depth * 16 }}>
                    {/* May break after each dot: a long path (datasets[].services[].name) otherwise widened the table
                        past its column, its descriptions cut off in a box that scrolled sideways. */}
                    <code>
                      {row.path.split(/(?<=\.)/).map((part, i) => (
                        <Fragment key={i}>
                          {i > 0 && <wbr />}
                          {part}
                        </Fragment>
                      ))}
                    </code>
                  </TableCell>
                  {/* In words; the schema's own type on hover, for whoever writes the schema. */}
                  <TableCell title={row.type}>{typeWords(row.type, translate)}</TableCell>
                  <TableCell>{translate(row.required ? 'gabarit.prompts.yes' : 'gabarit.prompts.no')}</TableCell>
                  <TableCell>
                    {row.description}
                    {row.values && (
                      <Typography variant="body2" component="div">
                        {translate('gabarit.prompts.allowed_values', { values: row.values.join(', ') })}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};

/** `string` « texte », `object[]` « liste d’objets », `string | null` « texte ou vide »; an unknown type as written. */
function typeWords(type: string, translate: (key: string, options?: object) => string): string {
  return type
    .split(' | ')
    .map((one) => {
      const list = one.endsWith('[]');
      const base = list ? one.slice(0, -2) : one;
      if (base.endsWith('[]')) return one; // a list of lists: rare, kept as the schema says
      return list
        ? translate('gabarit.prompts.types.list_of', {
            of: translate(`gabarit.prompts.types_plural.${base}`, { _: base }),
          })
        : translate(`gabarit.prompts.types.${base}`, { _: base });
    })
    .join(translate('gabarit.prompts.types.or'));
}
