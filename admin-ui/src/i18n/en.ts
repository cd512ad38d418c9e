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
    pilots: { invoices: 'Invoices', enrolment: 'Enrolment', chatbot: 'Assistant' },
    formats: { rules: 'Rules', decisionTable: 'Decision table', decisionTree: 'Decision tree' },
    status: { draft: 'Draft', in_review: 'In review', approved: 'Approved', published: 'Published', retired: 'Retired' },
    lifecycle: {
      submit: 'Submit',
      approve: 'Approve',
      reject: 'Reject',
      publish: 'Publish',
      four_eyes: 'You wrote this version: someone else must approve or reject it (four-eyes rule).',
      reject_reason: 'Why reject this version? Its authors will see your comment.',
      done_submit: 'Version %{version} submitted for review.',
      done_approve: 'Version %{version} approved.',
      done_reject: 'Version %{version} sent back to draft.',
      done_publish: 'Version %{version} published.',
    },
    audit: {
      verify: 'Verify the chain',
      chain_ok: 'Chain intact: %{events} events verified.',
      chain_broken: 'Chain broken at event %{seq}: %{reason}.',
      reasons: { missing_event: 'missing event', prev_hash_mismatch: 'link to the previous event altered', hash_mismatch: 'content altered' },
    },
    try: {
      title: 'Try it',
      version: 'Version',
      draft: 'Draft (version %{version})',
      active: 'In force (version %{version})',
      facts: 'Facts (JSON)',
      evaluate: 'Evaluate',
      events: 'Decisions',
      no_event: 'No decision',
      invalid_json: 'The facts are not valid JSON.',
      not_object: 'The facts must be a JSON object.',
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
    rulesets: {
      name: 'Rule set |||| Rule sets',
      fields: { key: 'Key', name: 'Name', pilot: 'Pilot', format: 'Format', description: 'Description', activeVersion: 'Version in force', draftVersion: 'Draft', status: 'Status', version: 'Version', authors: 'Authors', approvedBy: 'Approved by', publishedAt: 'Published on', actions: 'Actions', versions: 'Versions', q: 'Search' },
    },
    audit: {
      name: 'Audit trail |||| Audit trail',
      fields: { seq: 'No.', at: 'Date', actor: 'Actor', action: 'Action', resourceKey: 'Resource', version: 'Version', reason: 'Reason' },
    },
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
