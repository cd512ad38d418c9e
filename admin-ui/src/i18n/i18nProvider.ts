import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { fr } from './fr';

/**
 * French by default (the administration communicates in French first); English on request, remembered by
 * react-admin's store across sign-outs (./locale-store.ts).
 */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : fr), 'fr', [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
]);
