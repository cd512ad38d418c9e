/** The titles of the creation pages (react-admin's own read « Créer Expérience ») (fr). */
export const createTitles = {
  rulesets: 'Nouvel ensemble de règles',
  prompts: 'Nouveau gabarit de requête',
  experiments: 'Nouvelle expérience',
  'reference-tables': 'Nouvelle table de référence',
  users: 'Nouveau compte',
  'api-keys': 'Nouvelle clé API',
};
