import frenchMessages from 'ra-language-french';

/** Console text in French, the default language. Every key here has its twin in en.ts. */
export const fr = {
  ...frenchMessages,
  gabarit: {
    title: 'Gabarit',
    dashboard: {
      welcome: 'Bienvenue, %{name}',
      intro: 'Gabarit gère les règles et les gabarits de requêtes des projets pilotes, sous le contrôle des personnes qui les approuvent.',
      roles: 'Vos rôles',
      api_docs: "Documentation de l'API",
      pilots: 'Projets pilotes',
      pilot_invoices: 'Factures des fournisseurs',
      pilot_enrolment: "Adhésion à l'assurance collective",
      pilot_chatbot: 'Assistant des données ouvertes',
    },
    roles: {
      analyst: 'Analyste',
      approver: 'Approbation',
      risk: 'Gestion des risques',
      admin: 'Administration',
    },
    auth: {
      session_expired: 'Votre session a expiré. Veuillez vous reconnecter.',
      errors: {
        invalid_credentials: "Nom d'utilisateur ou mot de passe incorrect.",
        account_locked: 'Trop de tentatives échouées : le compte est verrouillé temporairement.',
        rate_limited: 'Trop de tentatives. Réessayez dans une minute.',
        demo_account_disabled: 'Les comptes de démonstration sont désactivés en production.',
        account_disabled: 'Ce compte est désactivé. Adressez-vous à un administrateur.',
      },
    },
    api_keys: {
      created_title: 'Clé API créée',
      created_warning: "Copiez cette clé maintenant : elle ne sera plus jamais affichée.",
      scopes_help: 'Une portée par ligne, par exemple evaluate:invoices-*',
      revoke: 'Révoquer',
      done: "J'ai copié la clé",
    },
  },
  resources: {
    'api-keys': {
      name: 'Clé API |||| Clés API',
      fields: {
        id: 'Identifiant',
        name: 'Nom',
        scopes: 'Portées',
        createdBy: 'Créée par',
        createdAt: 'Créée le',
        lastUsedAt: 'Dernière utilisation',
        revoked: 'Révoquée',
        key: 'Clé secrète',
      },
    },
  },
};
