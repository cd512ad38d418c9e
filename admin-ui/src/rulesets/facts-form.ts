import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { Localize } from 'ajv-i18n/localize/types';
import localizeEn from 'ajv-i18n/localize/en';
import localizeFr from 'ajv-i18n/localize/fr';
import { boundWording } from '../common/detail-wording';
import { atPlace } from '../common/api-error';

// react-jsonschema-form's own words (buttons, labels) by their enum name, so the console's messages can replace them.
const NAMES = new Map<string, string>(Object.entries(TranslatableString).map(([name, text]) => [text, name]));
export const TRANSLATED_FORM_STRINGS = [
  'AddItemButton',
  'AddButton',
  'RemoveButton',
  'MoveUpButton',
  'MoveDownButton',
  'YesLabel',
  'NoLabel',
  'ErrorsLabel',
  'EmptyArray',
  'CopyButton',
] as const;

/** The form's strings in the console's language; strings we do not translate keep the library's English. */
export function formStringTranslator(translate: (key: string, options?: object) => string) {
  return (text: TranslatableString, params?: string[]): string => {
    const name = NAMES.get(text);
    return name && (TRANSLATED_FORM_STRINGS as readonly string[]).includes(name)
      ? translate(`gabarit.try.form.${name}`)
      : englishStringTranslator(text, params);
  };
}

const validators = {
  fr: customizeValidator({}, localizeFr as Localize),
  en: customizeValidator({}, localizeEn as Localize),
};

/** A validator whose messages speak the console's language (ajv-i18n), for the facts form. */
export function factsValidator(locale: string) {
  return locale === 'en' ? validators.en : validators.fr;
}

/**
 * The input schema as the reader's language labels it: rule sets title their fields in French (`title`) and in
 * English (`x-title-en`, likewise `x-description-en`), so an English reader sees English labels, not property
 * names or French. The schema itself (types, constraints) is unchanged.
 */
export function schemaInLanguage<S>(schema: S, locale: string): S {
  if (locale !== 'en') return schema;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = visit(value);
    if (typeof copy['x-title-en'] === 'string') copy['title'] = copy['x-title-en'];
    if (typeof copy['x-description-en'] === 'string') copy['description'] = copy['x-description-en'];
    return copy;
  };
  return visit(schema) as S;
}

/**
 * The form's labels for coded values the schema names in words (`x-enum-titles`, `x-enum-titles-en`: « monoparentale »
 * for `single_parent`), as rjsf reads them: `ui:enumNames` at the field's place in the uiSchema. Follows
 * `properties` and `items`.
 */
export function enumLabels(schema: unknown, locale: string): Record<string, unknown> {
  const visit = (node: unknown): Record<string, unknown> | undefined => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    const n = node as Record<string, unknown>;
    const ui: Record<string, unknown> = {};
    // English words where the schema gives them, the French ones for any value it does not.
    const words = (key: string) => (n[key] && typeof n[key] === 'object' ? (n[key] as object) : {});
    const titles = { ...words('x-enum-titles'), ...(locale === 'en' ? words('x-enum-titles-en') : {}) };
    if (Object.keys(titles).length > 0) ui['ui:enumNames'] = titles;
    const properties = n['properties'];
    if (properties && typeof properties === 'object')
      for (const [name, child] of Object.entries(properties)) {
        const inner = visit(child);
        if (inner) ui[name] = inner;
      }
    const items = visit(n['items']);
    if (items) ui['items'] = items;
    return Object.keys(ui).length > 0 ? ui : undefined;
  };
  return visit(schema) ?? {};
}

/** The first test case's facts of a version, to start the form from a realistic example. */
export function exampleFacts(content: { tests?: { facts?: unknown }[] } | undefined): Record<string, unknown> {
  const facts = content?.tests?.[0]?.facts;
  return facts && typeof facts === 'object' && !Array.isArray(facts) ? (facts as Record<string, unknown>) : {};
}

/** What rjsf gives `transformErrors`: the parts of an error this module rewrites. */
interface FormError {
  name?: string;
  params?: Record<string, unknown>;
  message?: string;
  stack: string;
}

/**
 * A missing field worded as the rest of the console words it (« Valeur obligatoire. », its label in « ») instead of
 * ajv-i18n's « requiert la propriété 'Date d'embauche' », whose quotes collided with the label's apostrophe. rjsf
 * has already put the field's title in the message in place of its property name: it is read back from there.
 */
export function wordedFormErrors<E extends FormError>(
  errors: E[],
  translate: (key: string, options?: object) => string,
): E[] {
  return errors.map((error) => {
    const bound = boundWording(error.name, error.params, translate);
    if (bound) return { ...error, message: bound, stack: error.stack.replace(error.message ?? '', bound) };
    if (error.name !== 'required') return error;
    const title = /'(.*)'/.exec(error.message ?? '')?.[1];
    const message = translate('gabarit.details.required');
    const stack = title ? atPlace(translate, translate('gabarit.analysis.quoted', { name: title }), message) : message;
    return { ...error, message, stack };
  });
}
