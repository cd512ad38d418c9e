import { Box, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useShowContext, useTranslate } from 'react-admin';
import { httpClient } from '../dataProvider';
import type { PromptContent } from './draft-form';
import type { PromptRecord } from './prompt-record';

/** The model settings of the version in force (or of the newest version when none is): model, max tokens, locale. */
export const PromptSettings = () => {
  const { record } = useShowContext<PromptRecord>();
  const translate = useTranslate();
  const [content, setContent] = useState<PromptContent | undefined>();
  const version = record ? (record.activeVersion ?? record.latestVersion) : undefined;
  const key = record?.key;
  useEffect(() => {
    if (!key || !version) return;
    void httpClient(`/api/v1/prompts/${key}/versions/${version}`).then(({ json }) =>
      setContent((json as { content: PromptContent }).content),
    );
  }, [key, version]);
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
