/** reference-tables labels (fr). */
export const referenceTablesMessages = {
  gabarit: {
    reference_tables: {
      create_not_allowed:
        'Seules les équipes d’analyse et d’administration créent des tables de référence : retour à la liste.',
      types: { string: 'texte', number: 'nombre', boolean: 'oui/non', date: 'date' },
      key_column: 'clé',
      required: 'obligatoire',
      key_help: 'Minuscules, chiffres et tirets, par exemple fournisseurs',
      key_column_help: 'La colonne dont la valeur identifie chaque ligne (une seule ligne par valeur).',
      column_name: 'Nom de la colonne',
      column_type: 'Type',
      cell_label: '%{column}, ligne %{row}',
      empty_choice: '(vide)',
      yes: 'Oui',
      no: 'Non',
      cell_errors: {
        string: 'Doit être du texte.',
        number: 'Doit être un nombre, par exemple 1 234,56.',
        boolean: 'Doit être oui ou non.',
        date: 'Doit être une date réelle AAAA-MM-JJ, du 1900-01-01 au 9999-12-31.',
        number_ambiguous:
          'Ambigu : dans un fichier séparé par des virgules, la virgule d’un nombre peut être décimale (français) ou séparer les milliers (anglais). Écrivez le nombre sans virgule (1000), ou avec un point décimal (1.0).',
      },
      csv_reasons: {
        duplicate_header: 'La colonne « %{column} » est nommée deux fois dans l’en-tête.',
        empty_header: 'La cellule %{cell} de l’en-tête est vide : nommez sa colonne.',
        too_many_columns: 'L’en-tête a plus de %{limit} cellules ; une table a au plus %{limit} colonnes.',
        too_many_rows: 'Cette ligne dépasse les %{limit} lignes qu’une table peut contenir : rien n’a été importé.',
        merge_too_many_rows:
          'Fusionné avec les %{rows} lignes de la table, ce fichier en ajouterait %{added} : une table en contient au plus %{limit}. Rien n’a été importé.',
        line_too_long: 'Cette ligne dépasse %{limit} caractères : la lecture s’arrête là.',
        no_rows:
          'Le fichier n’a aucune ligne après son en-tête : l’importer en remplacement supprimerait les %{rows} lignes de la table. Rien n’a été importé ; pour vider la table, supprimez ses lignes dans la grille.',
        missing_key_column: 'L’en-tête ne nomme pas la colonne clé « %{column} » : ajoutez-la.',
      },
      server_errors: {
        unknown_column: 'N’est pas une colonne de cette table.',
        repeated_key: 'Répète la clé « %{key} » de la ligne %{row}.',
        repeated_key_line: 'Répète la clé « %{key} » de la ligne %{line} du fichier.',
        renamed_twice: 'Renomme « %{column} », que la colonne %{other} renomme aussi.',
        read_by:
          'Lues par %{readers}, publiés ou en voie de l’être : leurs consultations de la table liraient des colonnes disparues.',
        key_spaces: 'Commence ou finit par des espaces : écrivez la clé sans eux, comme une importation CSV la lit.',
        inexact_number:
          'Ce nombre entier a plus de chiffres qu’un nombre n’en garde exactement : gardez de tels identifiants dans une colonne de texte.',
      },
      not_text_file:
        '« %{file} » n’est pas un fichier texte : enregistrez la feuille au format CSV (séparateur : point-virgule ou virgule), puis choisissez ce fichier.',
      last_rejected:
        'La modification proposée par %{who} le %{proposed} a été rejetée par %{reviewer} le %{at} : « %{comment} »',
      change_comment: 'Motif de la modification (facultatif)',
      change_comment_help:
        'Montré à la personne qui approuve la modification quand des ensembles de règles publiés lisent la table, et gardé au journal d’audit.',
      created: 'Table « %{name} » créée.',
      export_csv: 'Exporter en CSV',
      export_failed: 'L’export a échoué : %{message}',
      rows_title: 'Lignes',
      row_number: 'N°',
      row_actions: 'Actions',
      delete_row: 'Supprimer la ligne %{row}',
      row_deleted: 'Ligne %{row} (« %{key} ») retirée ; enregistrez pour la supprimer de la table',
      no_rows: 'Aucune ligne pour le moment.',
      add_row: 'Ajouter une ligne',
      save_rows: 'Enregistrer les lignes',
      cancel_changes: 'Annuler les modifications',
      saved:
        'Lignes enregistrées : la table compte %{smart_count} ligne. |||| Lignes enregistrées : la table compte %{smart_count} lignes.',
      cells_to_fix:
        '%{smart_count} cellule à corriger, signalée dans la grille. |||| %{smart_count} cellules à corriger, signalées dans la grille.',
      cells_unreadable:
        '%{smart_count} cellule ne peut pas être lue : corrigez-la avant d’enregistrer. Rien n’a été envoyé. |||| %{smart_count} cellules ne peuvent pas être lues : corrigez-les avant d’enregistrer. Rien n’a été envoyé.',
      stale:
        'Quelqu’un d’autre a modifié cette table depuis que vous l’avez ouverte. Rechargez-la pour voir sa version, puis refaites vos modifications.',
      reload: 'Recharger la table',
      import_title: 'Importer un fichier CSV',
      import_help:
        'Première ligne : les noms des colonnes (%{header}), séparés par des virgules ou des points-virgules. Sont acceptés les nombres comme 1 234,56, oui/non (ou vrai/faux, 1/0) et les dates AAAA-MM-JJ à partir de 1900. Si une seule ligne est en erreur, rien n’est importé.',
      csv_file: 'Fichier CSV',
      csv_text: 'Contenu CSV (collez-le ici ou choisissez un fichier)',
      import_mode: 'Mode d’import',
      mode_replace: 'Remplacer toutes les lignes',
      mode_merge: 'Ajouter ou mettre à jour par clé',
      mode_replace_help: 'Les lignes du fichier remplacent toutes celles de la table.',
      mode_merge_help:
        'Une ligne dont la clé existe est mise à jour dans les seules colonnes de l’en-tête ; les autres gardent leur valeur. Une clé nouvelle ajoute une ligne.',
      import_blocked: 'Enregistrez ou annulez vos modifications de la grille avant d’importer.',
      import: 'Importer',
      imported:
        'Import réussi : la table compte %{smart_count} ligne. |||| Import réussi : la table compte %{smart_count} lignes.',
      nothing_imported:
        'Aucune ligne n’a été importée (%{smart_count} problème). |||| Aucune ligne n’a été importée (%{smart_count} problèmes).',
      import_problems: 'Problèmes de l’import, par ligne',
      line: 'Ligne',
      column: 'Colonne',
      message: 'Problème',
      whole_file: 'Fichier',
      delete_table: 'Supprimer la table',
      definition: {
        edit: 'Modifier la définition',
        title: 'Définition de la table « %{name} »',
        explain:
          'Une colonne renommée garde ses valeurs ; une colonne changée de type les relit comme un import CSV ; une colonne retirée les emporte. Tant que des ensembles de règles lisent la table, seuls son nom et sa description peuvent changer.',
        column_n: 'Colonne %{n}',
        column_place: 'Colonne %{n} (« %{name} »)',
        in_row: 'Ligne « %{key} » : %{problem}',
        renamed_from: 'Renommée (était « %{name} »)',
        new_column: 'Nouvelle colonne, vide',
        remove_column: 'Retirer la colonne « %{name} »',
        add_column: 'Ajouter une colonne',
        save: 'Enregistrer la définition',
        saved: 'Définition de la table « %{name} » enregistrée.',
      },
      delete_title: 'Supprimer la table « %{name} » ?',
      delete_explain:
        'Les règles qui la consultent n’y trouveront plus rien. Son historique reste dans le journal d’audit, et sa clé ne pourra pas être réutilisée.',
      deleted: 'Table « %{name} » supprimée.',
      pending: {
        title: 'Modification proposée par %{who} le %{when}, en attente d’approbation',
        action_rows_replaced: 'Les lignes sont remplacées.',
        action_csv_imported: 'Un import CSV remplace les lignes.',
        action_csv_merged: 'Un import CSV ajoute ou met à jour des lignes.',
        action_deleted: 'La table est supprimée.',
        deleted_rows: 'Sa ligne disparaîtrait avec elle. |||| Ses %{smart_count} lignes disparaîtraient avec elle.',
        counts: '%{added}, %{removed}, %{changed} ; la table compterait %{rows}.',
        added: '%{smart_count} ajoutée |||| %{smart_count} ajoutées',
        removed: '%{smart_count} supprimée |||| %{smart_count} supprimées',
        changed: '%{smart_count} modifiée |||| %{smart_count} modifiées',
        rows: '%{smart_count} ligne |||| %{smart_count} lignes',
        readers:
          'Lue par l’ensemble de règles %{readers} (publié maintenant ou avant, en révision ou approuvé) : ses décisions suivront ces lignes dès l’approbation. |||| Lue par les ensembles de règles %{readers} (publiés maintenant ou avant, en révision ou approuvés) : leurs décisions suivront ces lignes dès l’approbation.',
        comment: 'Commentaire : %{comment}',
        changes_label: 'Lignes touchées par la modification, avant et après',
        key: 'Clé',
        before: 'Avant',
        after: 'Après',
        cell: '%{column} : %{value}',
        highlighted: 'En surbrillance : les valeurs qui changent.',
        more: 'et %{smart_count} autre ligne touchée. |||| et %{smart_count} autres lignes touchées.',
        approve: 'Approuver la modification',
        reject: 'Rejeter la modification',
        withdraw: 'Retirer ma proposition',
        dialog_approve: 'Approuver cette modification ?',
        dialog_reject: 'Rejeter cette modification ?',
        dialog_withdraw: 'Retirer votre proposition ?',
        explain_approve:
          'Les lignes proposées remplacent les lignes actuelles, et les règles qui lisent la table les utilisent aussitôt.',
        explain_approve_deleted:
          'La table et ses lignes sont supprimées : les ensembles de règles qui la lisent ne trouvent plus rien dès l’approbation, et sa clé ne pourra plus servir.',
        stale:
          'La modification en attente a changé depuis que vous l’avez ouverte (retirée, décidée ou remplacée) : voici la table telle qu’elle est maintenant.',
        explain_reject:
          'La modification est abandonnée et la table reste telle quelle. Dites pourquoi à la personne qui l’a proposée.',
        explain_withdraw: 'Votre modification est abandonnée et la table reste telle quelle.',
        approved: 'Modification approuvée : elle est en vigueur.',
        rejected: 'Modification rejetée : la table reste telle quelle.',
        withdrawn: 'Proposition retirée : la table reste telle quelle.',
        proposed:
          'Des règles publiées maintenant ou avant, en révision ou approuvées lisent cette table : votre modification attend l’approbation d’une autre personne.',
        awaiting_approver:
          'Une personne ayant le rôle Approbation doit l’approuver ou la rejeter avant toute autre modification.',
        four_eyes:
          'Vous avez proposé cette modification : une autre personne doit l’approuver (règle des quatre yeux).',
      },
    },
  },
  resources: {
    'reference-tables': {
      name: 'Table de référence |||| Tables de référence',
      empty: 'Aucune table de référence pour l’instant.',
      invite: 'Voulez-vous en créer une ?',
      fields: {
        key: 'Clé',
        name: 'Nom',
        description: 'Description',
        keyColumn: 'Colonne clé',
        columns: 'Colonnes',
        rowCount: 'Lignes',
        rev: 'Révision',
        updatedBy: 'Modifiée par',
        updatedAt: 'Modifiée le',
        q: 'Recherche',
      },
    },
  },
};
