import englishMessages from 'ra-language-english';

/** Console text in English. Every key here has its twin in fr.ts. */
export const en = {
  ...englishMessages,
  gabarit: {
    title: 'Gabarit',
    dashboard: {
      welcome: 'Welcome, %{name}',
      intro: 'Gabarit manages the rules and prompt templates of the pilot projects, under the control of the people who approve them.',
      roles: 'Your roles',
      api_docs: 'API documentation',
      pilots: 'Pilot projects',
      pilot_invoices: 'Supplier invoices',
      pilot_enrolment: 'Group-insurance enrolment',
      pilot_chatbot: 'Open-data assistant',
    },
    roles: {
      analyst: 'Analyst',
      approver: 'Approver',
      risk: 'Risk officer',
      admin: 'Administrator',
    },
    auth: {
      session_expired: 'Your session has expired. Please sign in again.',
      errors: {
        invalid_credentials: 'Unknown username or wrong password.',
        account_locked: 'Too many failed attempts: the account is temporarily locked.',
        rate_limited: 'Too many attempts. Try again in a minute.',
        demo_account_disabled: 'Demo accounts are disabled in production.',
        account_disabled: 'This account is disabled. Ask an administrator.',
      },
    },
    api_keys: {
      created_title: 'API key created',
      created_warning: 'Copy this key now: it will never be shown again.',
      scopes_help: 'One scope per line, for example evaluate:invoices-*',
      revoke: 'Revoke',
      done: 'I have copied the key',
    },
  },
  resources: {
    'api-keys': {
      name: 'API key |||| API keys',
      fields: {
        id: 'Id',
        name: 'Name',
        scopes: 'Scopes',
        createdBy: 'Created by',
        createdAt: 'Created on',
        lastUsedAt: 'Last used',
        revoked: 'Revoked',
        key: 'Secret key',
      },
    },
  },
};
