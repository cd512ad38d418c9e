/**
 * The API's error codes the console words beyond fr.ts's first list (gabarit.errors.<code>): every code the API
 * can answer has a wording, which server/src/common/errors/error-codes.spec.ts checks against the server's source.
 */
export const errorMessages = {
  account_disabled: "Ce compte est désactivé. Adressez-vous à l'équipe d'administration.",
  account_locked: 'Trop de tentatives échouées : le compte est verrouillé temporairement.',
  api_key_only: 'Seul un système muni d’une clé API peut faire cela, pas un utilisateur de la console.',
  archived: 'Cet élément est archivé : il ne peut plus être modifié.',
  assignment_changed:
    'Cette expérience a déjà servi des personnes : une version peut changer sa couverture, ses garde-fous ou son nom, pas ses variantes, leurs poids ni son sel. Arrêtez-la et lancez une nouvelle expérience.',
  audit_contention:
    "Le journal d'audit est trop sollicité pour consigner cette action : rien n'a été perdu, réessayez.",
  bad_request: 'La demande est mal formée.',
  bad_url: "L'adresse demandée n'est pas valide : un caractère encodé n'y est pas du texte UTF-8.",
  uri_too_long: "L'adresse demandée est trop longue : l'un de ses segments dépasse 4 096 caractères.",
  headers_too_large: 'La demande et ses en-têtes sont trop longs pour le serveur.',
  draft_changed:
    'Ce brouillon a été enregistré de nouveau depuis que vous l’avez lu : rechargez la page et relisez ce qu’il contient avant de le soumettre.',
  reviewed_content_changed:
    'Cette version a été modifiée et soumise de nouveau depuis que vous l’avez lue : rechargez la page et relisez-la avant de décider.',
  request_timeout: "La demande n'est pas arrivée à temps ; réessayez.",
  impact_running:
    'Une analyse d’impact que vous avez demandée est encore en cours : attendez sa réponse avant d’en demander une autre.',
  impact_busy: 'Deux analyses d’impact sont en cours : réessayez dans quelques secondes.',
  busy: 'Cet élément change trop vite pour appliquer cette modification : réessayez.',
  concurrent_publication:
    'Une autre publication a eu lieu au même moment : rechargez la page pour voir la version en vigueur.',
  conflict: "Cette modification entre en conflit avec l'état actuel : rechargez la page.",
  console_not_built: "La console n'est pas construite sur ce serveur.",
  demo_account_disabled: 'Les comptes de démonstration sont désactivés en production.',
  dependency_unavailable: 'Un service dont Gabarit dépend est indisponible : réessayez dans un moment.',
  derived_fact: 'Certains faits sont calculés par l’ensemble de règles lui-même : ne les envoyez pas.',
  effective_in_past:
    'Une publication ne peut pas commencer dans le passé : laissez la date vide pour publier maintenant, ou choisissez une date future.',
  expression_limit: 'Un fait calculé dépasse la limite de calcul permise pour une évaluation.',
  traces_too_large: 'Trop de conditions à retracer en une seule demande : envoyez moins de cas à la fois.',
  experiment_log_busy:
    'Les réponses de cette expérience sont en cours de réorganisation par une autre instance : réessayez dans une seconde.',
  hit_policy_violation:
    'Plusieurs lignes de la table s’appliquent à ces faits, ce que sa politique de résultat interdit.',
  http_error: 'Le serveur a refusé la demande.',
  internal_error: "Une erreur inattendue s'est produite sur le serveur : rien n'a été modifié.",
  invalid_api_key: "La clé API n'est pas valide ou a été révoquée.",
  api_key_expired: 'La clé API est expirée : demandez-en une nouvelle à une personne qui administre le service.',
  invalid_credentials: 'Identifiant ou mot de passe incorrect.',
  invalid_if_match: 'La demande ne désigne aucune version de cet élément à modifier : rechargez la page.',
  invalid_json: "Le contenu envoyé n'est pas du JSON valide.",
  invalid_lookup_key:
    'La clé d’une recherche dans une table de référence est une liste ou un objet : une clé est un texte, un nombre ou vrai/faux.',
  invalid_token: 'Votre session a expiré. Veuillez vous reconnecter.',
  invalid_xml: "Le fichier n'est pas du XML bien formé.",
  llm_misconfigured:
    "Le fournisseur du modèle refuse les identifiants du serveur : l'équipe d'administration doit les vérifier.",
  llm_rejected: 'Le fournisseur du modèle a refusé la demande.',
  method_not_allowed: "Cette adresse de l'API n'accepte pas cette méthode.",
  missing_scope: "Cette clé API n'a pas la portée nécessaire.",
  no_permission_declared: "Cette adresse de l'API est fermée : elle ne déclare aucune permission.",
  not_a_decision_table: 'Seules les tables de décision s’échangent en DMN.',
  not_acceptable: 'Le serveur ne peut pas répondre dans le format demandé.',
  not_dmn: "Le fichier n'est pas un document DMN.",
  nothing_in_force:
    'Aucune version n’est en vigueur : une comparaison en direct compare une version à celle en vigueur.',
  operator_failed: 'Un opérateur ne peut pas comparer la valeur d’un fait telle qu’elle a été envoyée.',
  precondition_failed: "Quelqu'un d'autre a modifié cet élément depuis que vous l'avez ouvert : rechargez la page.",
  precondition_required: 'La version lue est inconnue : rechargez la page avant de modifier.',
  prompt_too_large: 'Cette version du gabarit dépasse la taille permise.',
  ruleset_too_large: 'Cet ensemble de règles dépasse la taille permise.',
  password_check_unavailable:
    'La solidité du mot de passe n’a pas pu être vérifiée pour le moment ; rien n’a été modifié. Réessayez dans un instant.',
  schema_compiler_unavailable:
    'Le schéma JSON n’a pas pu être compilé pour le moment ; rien n’a été modifié. Réessayez dans un instant.',
  self_lockout:
    'Vous ne pouvez pas retirer votre propre rôle d’administration ni désactiver votre propre compte : demandez-le à une autre personne.',
  last_admin:
    'C’est le dernier compte d’administration actif : plus personne ne pourrait gérer les comptes ni les clés d’API après ce changement. Donnez d’abord le rôle d’administration à un autre compte.',
  service_unavailable: 'Le service est momentanément indisponible : réessayez dans un moment.',
  session_ended: 'Votre session a pris fin (déconnexion ou compte modifié). Veuillez vous reconnecter.',
  set_exists: "Ce gabarit a déjà un jeu d'évaluation de ce nom.",
  table_in_use:
    'Des ensembles de règles lisent les colonnes de cette table : modifiez-les d’abord, ou gardez les colonnes. Le nom et la description, eux, peuvent changer.',
  table_too_large:
    'Cette table de référence dépasserait la taille permise (4 Mio de lignes) : rien n’a été enregistré.',
  token_expired: 'Votre session a expiré. Veuillez vous reconnecter.',
  too_large: 'Le contenu envoyé dépasse la taille permise.',
  unacceptable_value: 'Le contenu envoyé contient une valeur que le service refuse.',
  unauthenticated: 'Vous devez vous connecter.',
  undefined_fact: 'Les règles ont besoin d’un fait qui n’a pas été envoyé.',
  unsupported_media_type: 'Le serveur ne lit pas ce type de contenu.',
  user_exists: 'Un compte porte déjà cet identifiant de connexion.',
  weak_password: 'Ce mot de passe est trop facile à deviner ; rien n’a été modifié.',
  xml_doctype_refused: 'Les fichiers DMN qui contiennent une déclaration DOCTYPE ou ENTITY sont refusés, par sécurité.',
};
