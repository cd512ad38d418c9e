import { Templates } from '@rjsf/mui';
import type { TitleFieldProps } from '@rjsf/utils';
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
    return <DefaultTitle {...props} title={title} />;
  };
  return ItemTitle;
}
