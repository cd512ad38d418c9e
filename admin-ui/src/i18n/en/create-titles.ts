/** The titles of the creation pages (react-admin's own read "Create Experiment") (en). */
export const createTitles = {
  rulesets: 'New rule set',
  prompts: 'New prompt',
  experiments: 'New experiment',
  'reference-tables': 'New reference table',
  users: 'New account',
  'api-keys': 'New API key',
};
