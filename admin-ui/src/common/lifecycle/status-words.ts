import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../dates';
import { scheduledFrom, type VersionRecord } from './version-actions';

/**
 * A version's status in words, the same in every list and choice: a publication still to come says when
 * (« Programmée pour le 15 janvier 2027 à 08 h 00 »), never « Publiée », which an approver would read as in force.
 */
/** What the words are read from: any version as the API lists it (its publications say what is scheduled). */
type Listed = { status: string; publications?: { effectiveFrom: string }[]; inForce?: boolean };

export function useStatusWords(): (version: Listed | undefined) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (version) => {
    if (!version) return translate('gabarit.status.draft');
    const from = scheduledFrom(version as VersionRecord);
    return from
      ? translate('gabarit.status.scheduled', { at: formatDateTime(from, locale) })
      : translate(`gabarit.status.${version.status}`);
  };
}
