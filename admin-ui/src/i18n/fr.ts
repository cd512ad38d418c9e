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
    pilots: { invoices: 'Factures', enrolment: 'Adhésion', chatbot: 'Assistant' },
    formats: { rules: 'Règles', decisionTable: 'Table de décision', decisionTree: 'Arbre de décision' },
    status: { draft: 'Brouillon', in_review: 'En revue', approved: 'Approuvée', published: 'Publiée', retired: 'Retirée' },
    lifecycle: {
      submit: 'Soumettre',
      approve: 'Approuver',
      reject: 'Rejeter',
      publish: 'Publier',
      four_eyes: "Vous avez rédigé cette version : une autre personne doit l'approuver ou la rejeter (règle des quatre yeux).",
      reject_reason: 'Pourquoi rejeter cette version ? Ses auteurs verront votre commentaire.',
      done_submit: 'Version %{version} soumise pour revue.',
      done_approve: 'Version %{version} approuvée.',
      done_reject: 'Version %{version} renvoyée en brouillon.',
      done_publish: 'Version %{version} publiée.',
    },
    audit: {
      verify: 'Vérifier la chaîne',
      chain_ok: 'Chaîne intègre : %{events} événements vérifiés.',
      chain_broken: "Chaîne rompue à l'événement %{seq} : %{reason}.",
      reasons: { missing_event: 'événement manquant', prev_hash_mismatch: 'lien avec le précédent modifié', hash_mismatch: 'contenu modifié' },
    },
    try: {
      title: 'Essayer',
      version: 'Version',
      draft: 'Brouillon (version %{version})',
      active: 'En vigueur (version %{version})',
      facts: 'Faits (JSON)',
      evaluate: 'Évaluer',
      events: 'Décisions',
      no_event: 'Aucune décision',
      invalid_json: "Les faits ne sont pas du JSON valide.",
      not_object: 'Les faits doivent être un objet JSON.',
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
    rulesets: {
      name: 'Ensemble de règles |||| Ensembles de règles',
      fields: { key: 'Clé', name: 'Nom', pilot: 'Projet pilote', format: 'Format', description: 'Description', activeVersion: 'Version en vigueur', draftVersion: 'Brouillon', status: 'Statut', version: 'Version', authors: 'Auteurs', approvedBy: 'Approuvée par', publishedAt: 'Publiée le', actions: 'Actions', versions: 'Versions', q: 'Recherche' },
    },
    audit: {
      name: "Journal d'audit |||| Journal d'audit",
      fields: { seq: 'N°', at: 'Date', actor: 'Acteur', action: 'Action', resourceKey: 'Ressource', version: 'Version', reason: 'Motif' },
    },
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
