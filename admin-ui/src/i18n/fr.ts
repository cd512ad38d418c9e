import frenchMessages from 'ra-language-french';
import { promptsMessages } from './fr/prompts';
import { experimentsMessages } from './fr/experiments';
import { referenceTablesMessages } from './fr/reference-tables';
import { auditMessages } from './fr/audit';
import { reviewsMessages } from './fr/reviews';
import { editorMessages } from './fr/editors';
import { shadowMessages } from './fr/shadow';
import { errorMessages } from './fr/errors';
import { formatMessages } from './fr/formats';
import { syntaxMessages } from './fr/syntax';
import { templateMessages } from './fr/templates';
import { accessMessages } from './fr/access';
import { createTitles } from './fr/create-titles';
import { typesetMessages } from './typography';

/** Console text in French, the default language, typeset the Québec way. Every key here has its twin in en.ts. */
export const fr = typesetMessages({
  ...frenchMessages,
  ra: {
    ...frenchMessages.ra,
    // react-admin's « Page manquante » adds its own final period: the French message's made it « lien.. ».
    message: {
      ...frenchMessages.ra.message,
      not_found: "L'URL saisie est incorrecte, ou vous avez suivi un mauvais lien",
    },
    // A record's name is quoted after the kind of resource: « Ensemble de règles « Validation des factures » ».
    page: {
      ...frenchMessages.ra.page,
      show: '%{name} « %{recordRepresentation} »',
      edit: '%{name} « %{recordRepresentation} »',
    },
    // « Trier par approuvée par croissant » read as a sentence gone wrong: the column's name is quoted whole.
    sort: {
      ...frenchMessages.ra.sort,
      sort_by: 'Trier par « %{field} », ordre %{order}',
    },
  },
  gabarit: {
    title: 'Gabarit',
    sign_in: { tagline: 'Règles et gabarits de requête des projets pilotes' },
    access_denied: accessMessages,
    create_titles: createTitles,
    dashboard: {
      work_title: 'À faire',
      item: '%{resource} « %{name} », %{version}',
      table_item: 'Table de référence « %{name} » : modification proposée par %{by}',
      work_none: 'Rien ne vous attend pour le moment.',
      rejected_because: 'Motif du rejet : %{comment}',
      halted_because: 'Arrêt automatique (%{metric}) : tout le monde reçoit le témoin.',
      tasks: {
        to_review: 'À examiner',
        table_change: 'Modification à approuver',
        to_publish: 'À publier',
        rejected: 'Rejetée',
        draft: 'Votre brouillon',
        halted: 'Arrêtée automatiquement',
      },
      welcome: 'Bienvenue, %{name}',
      intro:
        'Gabarit gère les règles et les gabarits de requête des projets pilotes, sous le contrôle des personnes qui les approuvent.',
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
        invalid_credentials: 'Identifiant ou mot de passe incorrect.',
        account_locked: 'Trop de tentatives échouées : le compte est verrouillé temporairement.',
        rate_limited: 'Trop de tentatives. Réessayez dans une minute.',
        demo_account_disabled: 'Les comptes de démonstration sont désactivés en production.',
        account_disabled: "Ce compte est désactivé. Adressez-vous à l'équipe d'administration.",
      },
    },
    pilots: { invoices: 'Factures', enrolment: 'Adhésion', chatbot: 'Assistant' },
    formats: { rules: 'Règles', decisionTable: 'Table de décision', decisionTree: 'Arbre de décision' },
    status: {
      draft: 'Brouillon',
      in_review: 'En revue',
      approved: 'Approuvée',
      published: 'Publiée',
      scheduled: 'Programmée pour le %{at}',
      retired: 'Retirée',
    },
    lifecycle: {
      create_draft: 'Créer un brouillon',
      submit: 'Soumettre',
      approve: 'Approuver',
      reject: 'Rejeter',
      publish: 'Publier',
      unschedule: 'Déprogrammer',
      rollback: 'Revenir à une version',
      four_eyes:
        "Vous avez rédigé cette version : une autre personne doit l'approuver ou la rejeter (règle des quatre yeux).",
      dialog_submit: 'Soumettre la version %{version} pour revue',
      dialog_approve: 'Approuver la version %{version}',
      dialog_reject: 'Rejeter la version %{version}',
      dialog_publish: 'Publier la version %{version}',
      dialog_unschedule: 'Annuler la publication programmée de la version %{version}',
      explain_submit:
        'La version sera figée et examinée par une personne qui approuve. Ses cas de test devront réussir avant sa publication.',
      explain_approve:
        "L'approbation vaut pour ce contenu exact : toute modification ultérieure demandera une nouvelle revue.",
      explain_reject: 'La version retourne en brouillon. Ses auteurs verront votre commentaire.',
      explain_publish:
        'Sans date, la version entre en vigueur immédiatement. Une date future programme sa publication. Si la version a des cas de test, ils doivent avoir été lancés sur cette version et réussir (« Lancer les tests »).',
      explain_unschedule:
        "La version n'entrera pas en vigueur à la date prévue. Elle redevient approuvée et pourra être publiée plus tard. Le motif est conservé dans le journal d'audit.",
      explain_rollback:
        "La version choisie redevient celle en vigueur immédiatement. Le motif est conservé dans le journal d'audit.",
      comment: 'Commentaire (facultatif)',
      comment_required: 'Motif (obligatoire)',
      effective_from: 'En vigueur à partir du (facultatif)',
      effective_from_help: 'Heure locale. Laissez vide pour publier maintenant.',
      rollback_to: 'Version à remettre en vigueur',
      rollback_scheduled:
        "La version %{version} est programmée pour le %{at} : à cette date, elle remplacera la version remise en vigueur. Si elle ne doit pas s'appliquer, déprogrammez-la.",
      version_n: 'Version %{version}',
      done_submit: 'Version %{version} soumise pour revue.',
      done_approve: 'Version %{version} approuvée.',
      done_reject: 'Version %{version} renvoyée en brouillon.',
      done_publish: 'Version %{version} publiée.',
      done_schedule: 'Publication de la version %{version} programmée pour le %{at}.',
      done_unschedule: 'Publication programmée de la version %{version} annulée.',
      done_rollback: 'Version %{version} remise en vigueur.',
      analysts_only_edit: 'Seuls les analystes peuvent modifier un brouillon : la page s’ouvre en lecture seule.',
      analysts_only_create: 'Seuls les analystes peuvent créer un élément : retour à la liste.',
    },
    versions: {
      scheduled_on: 'Programmée le %{at}',
      title: 'Versions',
      comment: '%{action} — %{by} : %{text}',
      comment_actions: {
        submit: 'Soumise',
        approve: 'Approuvée',
        reject: 'Rejetée',
        publish: 'Publiée',
        unschedule: 'Programmation annulée',
        rollback: 'Rétablie',
      },
      number: 'Version',
      status: 'Statut',
      authors: 'Auteurs',
      approved_by: 'Approuvée par',
      created_at: 'Créée le',
      published_at: 'Publiée le',
      comments: 'Commentaires',
      tests: 'Tests',
      tests_passed: '%{total} réussis',
      tests_failed: '%{failed} en échec sur %{total}',
      tests_stale: 'à relancer (contenu modifié)',
      tests_not_run: '%{smart_count} cas jamais lancé |||| %{smart_count} cas jamais lancés',
      actions: 'Actions',
    },
    details: {
      at_field: '%{field} : %{message}',
      types: {
        string: 'du texte',
        number: 'un nombre',
        integer: 'un nombre entier',
        boolean: 'true ou false',
        object: 'un objet',
        array: 'une liste',
        null: 'null',
      },
      required: 'Valeur obligatoire.',
      not_allowed: 'n’est pas un champ permis',
      taken: 'valeur déjà utilisée',
      type: 'doit être %{type}',
      one_of: 'doit valoir l’une de ces valeurs : %{values}',
      pattern: 'n’a pas le bon format (attendu : %{expected})',
      reserved_name: '« %{name} » est un nom réservé : choisissez-en un autre',
      formats: formatMessages,
      syntax: syntaxMessages,
      template: templateMessages,
    },
    errors: {
      dmn_unmappable: 'Le fichier DMN contient des éléments qui ne peuvent pas être convertis : rien n’a été importé.',
      validation_failed: 'Le contenu comporte des erreurs : chacune est indiquée à sa place.',
      analysis_errors:
        "L'analyse statique trouve des erreurs dans cette version (une ligne, une règle ou une branche qui ne peut jamais s'appliquer, ou une valeur du mauvais type) : corrigez-les avant de la soumettre.",
      stale_etag: "Quelqu'un d'autre a modifié ce brouillon depuis que vous l'avez ouvert.",
      if_match_required: 'La version lue est inconnue : rechargez la page avant de modifier.',
      four_eyes: "Vous avez rédigé cette version : une autre personne doit l'approuver (règle des quatre yeux).",
      tests_not_passed:
        'Les cas de test de cette version doivent réussir avant sa publication : lancez-les d’abord sur cette version (« Lancer les tests »), puis publiez.',
      evaluation_required:
        "Cette version doit d'abord réussir une évaluation de son jeu d'évaluation obligatoire avant d'être publiée.",
      approval_mismatch: "Le contenu a changé depuis l'approbation : une nouvelle revue est nécessaire.",
      computed_fact_failed:
        'Un fait calculé n’a pas pu être calculé à partir de ces faits (une valeur manquante, du mauvais type ou hors limites) : vérifiez les champs indiqués.',
      tests_failed:
        'Des cas de test de cette version échouent : corrigez-la dans un nouveau brouillon, ou corrigez ses tests, avant de la publier.',
      stale_base:
        'Une autre version a été publiée depuis que celle-ci a été rédigée : la publier annulerait ses changements. Commencez un nouveau brouillon à partir de la version en vigueur.',
      scheduled_later:
        'Une version programmée plus tard remplacerait celle-ci à sa date et annulerait ses changements : déprogrammez d’abord la version programmée (bouton « Déprogrammer » sur sa ligne).',
      invalid_transition: "Cette action n'est pas possible dans l'état actuel de la version.",
      draft_exists: 'Un brouillon existe déjà.',
      key_taken: 'Cette clé est déjà utilisée.',
      not_found: 'Élément introuvable.',
      forbidden: 'Votre rôle ne permet pas cette action.',
      missing_role: 'Votre rôle ne permet pas cette action.',
      invalid_csv: 'Le fichier CSV comporte des erreurs : aucune ligne n’a été importée.',
      render_failed: 'Le gabarit ne peut pas être rendu avec ces variables.',
      render_limit:
        'Le rendu a été arrêté : avec ces variables, le gabarit demande plus de travail ou donne un texte plus long qu’un rendu ne le permet.',
      llm_not_configured: "Aucun modèle n'est configuré sur ce serveur : l'aperçu de la réponse est indisponible.",
      llm_timeout: "Le modèle n'a pas répondu à temps.",
      llm_rate_limited: 'Le fournisseur du modèle limite les appels : réessayez dans un moment.',
      llm_unavailable: 'Le fournisseur du modèle est indisponible.',
      experiment_running: 'Une expérience est déjà en cours pour ce gabarit.',
      experiment_running_named:
        'L’expérience « %{experiment} » est déjà en cours ou programmée sur ce gabarit : arrêtez-la d’abord, ou attendez sa fin.',
      unpublished_version: 'Les variantes doivent être des versions publiées.',
      payload_too_large: 'Le contenu envoyé est trop volumineux.',
      too_deep: 'Le contenu envoyé est trop imbriqué.',
      invalid_encoding: 'Le contenu envoyé n’est pas encodé en UTF-8.',
      rate_limited: 'Trop de requêtes : réessayez dans un moment.',
      database_unavailable: 'La base de données est momentanément indisponible : rien n’a été enregistré.',
      not_about_persons: "Cette décision ne concerne pas une personne : elle n'a ni avis de décision ni révision.",
      review_closed: 'Cette demande de révision a déjà été tranchée : sa décision est maintenue.',
      change_pending:
        'Une modification de cette table attend déjà une approbation : elle doit être approuvée ou rejetée d’abord.',
      no_pending_change: 'Aucune modification de cette table n’attend d’approbation : rechargez la page.',
      ...errorMessages,
    },
    try: {
      item_title: '%{list} — élément %{n}',
      title: 'Essayer',
      version: 'Version',
      version_status: 'Version %{version} (%{status})',
      mode: 'Saisie des faits',
      keep_as_case: 'Garder comme cas de test',
      keep_as_case_help:
        'Ces faits et les décisions obtenues (%{events}) deviennent un cas de test du brouillon : il créera le brouillon s’il n’existe pas. Vérifiez que ces décisions sont les bonnes.',
      case_name: 'Nom du cas',
      case_name_required: 'Donnez un nom au cas.',
      case_name_taken: 'Un cas porte déjà ce nom.',
      case_saved: 'Cas de test ajouté au brouillon (version %{version}).',
      form_tab: 'Formulaire',
      json_tab: 'JSON',
      facts: 'Faits (JSON)',
      evaluate: 'Évaluer',
      events: 'Décisions',
      no_event: 'Aucune décision',
      invalid_json: 'Les faits ne sont pas du JSON valide.',
      not_object: 'Les faits doivent être un objet JSON.',
      form_errors:
        'Rien n’a été évalué : le formulaire comporte une erreur, indiquée sous le champ. |||| Rien n’a été évalué : le formulaire comporte %{smart_count} erreurs, indiquées sous les champs.',
      form: {
        AddItemButton: 'Ajouter un élément',
        AddButton: 'Ajouter',
        RemoveButton: 'Retirer',
        MoveUpButton: 'Monter',
        MoveDownButton: 'Descendre',
        YesLabel: 'Oui',
        NoLabel: 'Non',
        ErrorsLabel: 'Erreurs',
        EmptyArray: 'Aucun élément. Utilisez le bouton ci-dessous pour en ajouter.',
        CopyButton: 'Copier',
      },
    },
    users: {
      username_help: 'Lettres minuscules, chiffres, point, tiret ou soulignement ; de 2 à 64 caractères',
      password_help: 'Au moins 12 caractères ; la personne pourra le changer ensuite',
      new_password: 'Nouveau mot de passe',
      new_password_help: 'Laissez vide pour garder le mot de passe actuel ; au moins 12 caractères',
      disabled_help: 'Un compte désactivé ne peut plus se connecter ; ses sessions en cours prennent fin',
      locked_notice: 'Ce compte est verrouillé après trop de tentatives de connexion échouées.',
      unlock: 'Déverrouiller le compte',
      created: 'Compte « %{name} » créé.',
      updated: 'Compte « %{name} » enregistré.',
    },
    api_keys: {
      created_title: 'Clé API créée',
      created_warning: 'Copiez cette clé maintenant : elle ne sera plus jamais affichée.',
      scope_refused:
        "Portée n° %{line}, « %{scope} » : ce n'est pas une portée reconnue (une action, deux-points, puis une clé ou un motif, par exemple evaluate:invoices-*).",
      scopes_help:
        'Une portée par ligne, par exemple evaluate:invoices-* (ou metrics:* pour un collecteur Prometheus ; personal-data:enrolment pour voir les renseignements personnels de ces décisions ; decisions:receipt:enrolment et decisions:review-request:enrolment pour le système qui remet aux personnes leur avis de décision et transmet leurs observations)',
      revoke: 'Révoquer',
      revoke_named: 'Révoquer la clé API « %{name} »',
      copy: 'Copier la clé',
      copied: 'Clé copiée dans le presse-papiers.',
      copy_failed: 'La clé n’a pas pu être copiée : sélectionnez-la et copiez-la vous-même.',
      done: "J'ai copié la clé",
      expires_help:
        "La clé cesse de fonctionner à la fin de ce jour. Videz le champ pour une clé sans date d'expiration (elle fonctionnera jusqu'à sa révocation).",
      expired: 'Expirée',
    },
    ...promptsMessages.gabarit,
    ...experimentsMessages.gabarit,
    ...referenceTablesMessages.gabarit,
    ...auditMessages.gabarit,
    ...editorMessages.gabarit,
    ...shadowMessages.gabarit,
    ...reviewsMessages.gabarit,
  },
  resources: {
    rulesets: {
      name: 'Ensemble de règles |||| Ensembles de règles',
      empty: 'Aucun ensemble de règles pour l’instant.',
      invite: 'Voulez-vous en créer un ?',
      fields: {
        key: 'Clé',
        name: 'Nom',
        pilot: 'Projet pilote',
        format: 'Format',
        description: 'Description',
        activeVersion: 'Version en vigueur',
        draftVersion: 'Brouillon',
        status: 'Statut',
        version: 'Version',
        authors: 'Auteurs',
        approvedBy: 'Approuvée par',
        publishedAt: 'Publiée le',
        actions: 'Actions',
        versions: 'Versions',
        q: 'Recherche',
        inputSchema: 'Schéma des faits (JSON Schema)',
      },
    },
    users: {
      name: 'Compte |||| Comptes',
      empty: 'Aucun compte pour l’instant.',
      invite: 'Voulez-vous en créer un ?',
      fields: {
        id: 'Identifiant',
        username: 'Identifiant de connexion',
        displayName: 'Nom affiché',
        roles: 'Rôles',
        disabled: 'Désactivé',
        locked: 'Verrouillé',
        lastLoginAt: 'Dernière connexion',
        createdAt: 'Créé le',
        password: 'Mot de passe',
      },
    },
    'api-keys': {
      name: 'Clé API |||| Clés API',
      empty: 'Aucune clé API pour l’instant.',
      invite: 'Voulez-vous en créer une ?',
      message: {
        delete_title: 'Révoquer la clé API « %{recordRepresentation} »',
        delete_content:
          'La clé cessera de fonctionner immédiatement : tout appel qui la présente sera refusé dès maintenant. Une clé révoquée ne peut pas être rétablie.',
      },
      fields: {
        expiresAt: 'Expire le',
        id: 'Identifiant',
        name: 'Nom',
        scopes: 'Portées',
        createdBy: 'Créée par',
        createdAt: 'Créée le',
        lastUsedAt: 'Dernière utilisation',
        revokedAt: 'Révoquée le',
        key: 'Clé secrète',
      },
    },
    ...promptsMessages.resources,
    ...experimentsMessages.resources,
    ...referenceTablesMessages.resources,
    ...auditMessages.resources,
    ...editorMessages.resources,
    ...reviewsMessages.resources,
  },
});
