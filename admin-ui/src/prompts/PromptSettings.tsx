import { Box, Stack, Typography } from '@mui/material';
import { useShowContext, useTranslate } from 'react-admin';
import { useResourceRead } from '../common/use-resource-read';
import type { PromptContent } from './draft-form';
import type { PromptRecord } from './prompt-record';

/** The model settings of the version in force (or of the newest version when none is): model, max tokens, locale. */
export const PromptSettings = () => {
  const { record } = useShowContext<PromptRecord>();
  const translate = useTranslate();
  const version = record ? (record.activeVersion ?? record.latestVersion) : undefined;
  const { data } = useResourceRead<{ content: PromptContent }>(
    'prompts',
    record?.key,
    version ? `versions/${version}` : undefined,
  );
  const content = data?.content;
  if (!content || version === undefined) return null;
  const items: [string, string][] = [
    ['model', content.model],
    ['maxTokens', String(content.maxTokens)],
    ['locale', translate(`gabarit.prompts.locales.${content.locale}`)],
  ];
  return (
    <Box component="section" aria-labelledby="prompt-settings-title">
      <Typography id="prompt-settings-title" variant="subtitle2" sx={{ color: 'text.secondary' }}>
        {translate('gabarit.prompts.settings_of', { version })}
      </Typography>
      <Stack component="dl" direction="row" spacing={4} sx={{ m: 0 }}>
        {items.map(([field, value]) => (
          <Box key={field}>
            <Typography component="dt" variant="caption" sx={{ color: 'text.secondary' }}>
              {translate(`resources.prompts.fields.${field}`)}
            </Typography>
            <Typography component="dd" sx={{ m: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Box>
  );
};
