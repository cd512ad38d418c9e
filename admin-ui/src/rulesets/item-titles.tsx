import { Box, Divider, Typography } from '@mui/material';
import { RichDescription } from '@rjsf/core';
import { Templates } from '@rjsf/mui';
import type { DescriptionFieldProps, TitleFieldProps } from '@rjsf/utils';
import type { ComponentType } from 'react';

const DefaultTitle = Templates.TitleFieldTemplate as ComponentType<TitleFieldProps>;

/** The titles (or property names) of a schema's lists: what the form names each of their items after. */
export function listTitles(schema: unknown): Set<string> {
  const titles = new Set<string>();
  const visit = (node: unknown, name?: string) => {
    if (node === null || typeof node !== 'object') return;
    const s = node as Record<string, unknown>;
    if (s['type'] === 'array') {
      if (typeof s['title'] === 'string') titles.add(s['title']);
      if (name !== undefined) titles.add(name);
      visit(s['items']);
    }
    for (const [key, child] of Object.entries((s['properties'] as Record<string, unknown> | undefined) ?? {}))
      visit(child, key);
  };
  visit(schema);
  return titles;
}

/**
 * The form's title template, naming a list's items « Lignes de la facture — élément 1 »: the form library writes
 * « Lignes de la facture-1 ». Any other title is left as it is.
 */
export function itemTitleTemplate(
  lists: Set<string>,
  translate: (key: string, options?: object) => string,
): ComponentType<TitleFieldProps> {
  const ItemTitle = (props: TitleFieldProps) => {
    const match = /^(.*)-(\d+)$/.exec(props.title ?? '');
    const title =
      match && lists.has(match[1]!)
        ? translate('gabarit.try.item_title', { list: match[1], n: match[2] })
        : props.title;
    // A heading under the panel's h2: the library's h5 skipped two levels, and a group read as « H5 Facture ».
    if (props.optionalDataControl) return <DefaultTitle {...props} title={title} />;
    return (
      <Box id={props.id} sx={{ mb: 1, mt: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Divider />
      </Box>
    );
  };
  return ItemTitle;
}

/**
 * A group's description as a paragraph: the library's subtitle2 is drawn as an h6, and each description (« Total
 * de la facture, taxes incluses ») was a heading of its own (a console review).
 */
export const DescriptionParagraph = ({ id, description, registry, uiSchema }: DescriptionFieldProps) =>
  description ? (
    <Typography id={id} variant="body2" component="div" color="text.secondary" sx={{ mt: 0.625 }}>
      <RichDescription description={description} registry={registry} uiSchema={uiSchema} />
    </Typography>
  ) : null;
