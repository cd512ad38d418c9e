/** experiments labels (fr). */
export const experimentsMessages = {
  gabarit: {
    experiments: {
      phase: { not_started: 'Pas démarrée', scheduled: 'Programmée', running: 'En cours', stopped: 'Arrêtée' },
      stopped_by: 'Arrêtée le %{at} par %{by}.',
      stopped_by_because: 'Arrêtée le %{at} par %{by} : « %{comment} »',
      edit_draft: 'Modifier le brouillon',
      edit_title: 'Brouillon de l’expérience « %{key} »',
      edit_base:
        'Les modifications créent ou complètent le brouillon (version %{version}) ; il faudra le soumettre, le faire approuver et le publier pour qu’elles s’appliquent.',
      created: 'Brouillon de l’expérience créé.',
      saved: 'Brouillon enregistré.',
      variant_name: 'Nom de la variante',
      variant_version: 'Version du gabarit',
      variant_weight: 'Poids',
      split_fixed:
        'Cette expérience a commencé : ses variantes, leurs versions et leurs poids restent ceux de son départ, car les changer déplacerait des personnes déjà servies et mêlerait deux partages dans ses résultats. Vous pouvez changer sa couverture ; pour un autre partage, arrêtez-la et lancez une nouvelle expérience.',
      variants_help:
        'La première variante est le témoin. Chaque variante sert une version publiée du gabarit, selon son poids.',
      coverage_help: 'Part des sujets inclus dans l’expérience ; les autres reçoivent la version en vigueur.',
      shares: 'Répartition du trafic : %{shares}',
      open_running: 'Ouvrir cette expérience',
      running_elsewhere:
        'L’expérience « %{experiment} » est en cours sur ce gabarit : un gabarit ne mène qu’une expérience à la fois, celle-ci ne pourra démarrer qu’une fois celle-là arrêtée.',
      choose_prompt_first: 'Choisissez d’abord un gabarit de requête.',
      no_published_version: 'Ce gabarit n’a aucune version publiée : publiez-en au moins deux avant de les comparer.',
      version_choice: 'Version %{version} (%{status})',
      prompt_is: 'Gabarit de requête :',
      coverage_is: 'Couverture :',
      variant_line: '%{name} — version %{version} du gabarit — %{share} du trafic',
      control: 'témoin',
      settings_title: 'Réglages de la version %{version}',
      awaiting_title: 'Réglages de la version %{version}, %{status}',
      changes: {
        title: 'Ce qui change par rapport à la version %{from} :',
        none: 'Aucun réglage ne change.',
        line: '%{field} : %{before} → %{after}',
        variant: 'variante %{n}',
        absent: '(absent)',
        fields: {
          variants: 'variantes',
          name: 'nom',
          version: 'version du gabarit',
          weight: 'poids',
          coverage: 'couverture',
          guardrails: 'garde-fous',
          maxErrorRate: 'taux d’erreurs maximal',
          maxP95LatencyMs: 'latence p95 maximale (ms)',
          maxCostPerAnswer: 'coût maximal par réponse',
          pricePerMillionTokens: 'prix par million de jetons',
          input: 'en entrée',
          output: 'en sortie',
          minSamplePerVariant: 'personnes par variante avant tout verdict',
        },
      },
      lifecycle_help:
        'Publier une version approuvée démarre l’expérience, ou remplace ses réglages si elle est déjà en cours. L’arrêter rend à chaque sujet la version en vigueur du gabarit.',
      validation: {
        key: 'Minuscules, chiffres et tirets (2 à 63 caractères), commençant par une lettre ou un chiffre.',
        variant_name: 'Minuscules, chiffres et tirets (32 caractères au plus), commençant par une lettre.',
        weight: 'Un poids supérieur à 0, au plus 1000.',
        coverage: 'Un pourcentage de 0,1 à 100.',
        variant_count: 'Entre 2 et 5 variantes.',
      },
      stop: {
        button: 'Arrêter l’expérience',
        title: 'Arrêter l’expérience « %{name} » ?',
        explain:
          'Chaque sujet recevra de nouveau la version en vigueur du gabarit. L’expérience est archivée : elle ne peut plus être modifiée ni relancée, mais ses résultats restent consultables.',
        done: 'Expérience arrêtée.',
      },
      results: {
        title: 'Résultats',
        refresh: 'Actualiser les résultats',
        not_running: 'L’expérience ne sert aucune variante actuellement : les résultats sont figés.',
        not_started:
          'L’expérience n’a pas encore démarré : les résultats apparaîtront quand une version approuvée sera publiée.',
        scheduled: 'L’expérience est programmée : les résultats apparaîtront quand elle démarrera.',
        chart_item: '%{variant} : %{rate} (intervalle à 95 % : %{low} à %{high})',
        chart_title:
          'Part des personnes ayant donné un retour positif, par variante, avec son intervalle de confiance à 95 %',
        chart_note:
          'Chaque barre est le taux observé ; le trait vertical couvre l’intervalle de confiance à 95 % (méthode de Wilson). Les valeurs exactes sont dans le tableau ci-dessous.',
        table_caption: 'Résultats par variante',
        variant: 'Variante',
        version: 'Version',
        weight: 'Part prévue',
        exposures: 'Personnes servies',
        conversions: 'Personnes avec un retour positif',
        rate: 'Taux',
        ci95: 'Intervalle à 95 %',
        ci_range: '%{low} à %{high}',
        p_value: 'p contre le témoin (lecture unique)',
        guardrails: 'Garde-fous',
        guardrail_ok: 'Respectés',
        guardrail_breached: 'Dépassés',
        no_data: 'Pas encore de données',
        srm_title: 'Répartition déséquilibrée',
        verdict_title: 'Verdict',
      },
      sequential: {
        title: 'Résultats valables à chaque consultation',
        intro:
          'Ces valeurs restent valables même si vous consultez les résultats chaque jour : la valeur p toujours valide et la séquence de confiance (mSPRT) tiennent compte de chaque coup d’œil, contrairement au test du tableau ci-dessus, valable pour une seule lecture à la fin.',
        table_caption: 'Chaque variante contre le témoin « %{control} »',
        difference: 'Écart observé',
        confidence_sequence: 'Séquence de confiance à 95 %',
        range: '%{low} à %{high}',
        points: '%{value} pts',
        above: '> %{value}',
        below: '< %{value}',
        p_value: 'Valeur p toujours valide',
        probability: 'Probabilité de battre le témoin',
        can_stop: 'Peut-on conclure ?',
        stop_yes: 'Oui',
        stop_no: 'Pas encore',
        stop_not_enough: 'Pas assez de données',
        not_enough:
          'Pas assez de données pour conclure : il faut au moins %{min} personnes servies par variante avant tout verdict (%{counts}).',
        chart_title:
          'Écart entre « %{variant} » et le témoin « %{control} » au fil des sujets, avec sa séquence de confiance',
        chart_subjects: 'Personnes servies (variante et témoin)',
        chart_difference: 'Écart (points)',
        chart_high: 'Borne haute',
        chart_low: 'Borne basse',
        chart_observed: 'Écart observé',
        chart_zero: 'aucun écart',
        chart_note:
          'La séquence de confiance ne fait que se resserrer ; tant qu’elle contient 0 (ligne pointillée), aucune différence n’est démontrée. Une borne au-delà de l’axe est tracée sur son bord. Les valeurs exactes sont dans le tableau ci-dessus.',
        guardrails_caption:
          'Garde-fous : au-delà d’un seuil, l’expérience s’arrête d’elle-même et tout le monde reçoit le témoin',
        metric: 'Mesure',
        value: 'Valeur',
        threshold: 'Seuil',
        status: 'État',
        within: 'Respecté',
        breached: 'Dépassé',
        no_value: 'aucune mesure',
        no_data: 'Pas encore de données',
        metrics: {
          error_rate: 'Taux d’erreurs',
          p95_latency_ms: 'Latence p95',
          cost_per_answer: 'Coût par réponse',
          sample_ratio: 'Répartition',
        },
        halt_title: 'Expérience arrêtée automatiquement',
        halt_guardrail:
          '%{metric} de « %{variant} » : %{value}, au-delà du seuil de %{threshold}. Tout le monde reçoit maintenant le témoin « %{control} » (version %{version}).',
        halt_srm:
          'La répartition ne suit pas les poids prévus (test du khi-deux, %{p}). Tout le monde reçoit maintenant le témoin « %{control} » (version %{version}).',
      },
      verdict: {
        winner:
          'La variante « %{winner} » fait mieux que le témoin « %{control} » : %{winnerRate} contre %{controlRate} de retours positifs (%{p}).',
        control_wins:
          'Le témoin « %{control} » fait mieux que la variante « %{loser} » : %{controlRate} contre %{loserRate} de retours positifs (%{p}).',
        not_yet_shown:
          'Pas encore de conclusion : « %{variant} » (%{variantRate}) et le témoin « %{control} » (%{controlRate}) s’écartent, mais le test valable à chaque consultation ne le démontre pas encore (%{p}). Poursuivez l’expérience : un écart lu en cours de route peut être dû au hasard.',
        no_difference:
          'Pas de différence démontrée pour l’instant : l’écart entre « %{variant} » (%{variantRate}) et le témoin « %{control} » (%{controlRate}) peut être dû au hasard (%{p}). Poursuivez l’expérience : ne pas démontrer d’écart n’est pas démontrer que les versions se valent.',
        equivalent:
          'Les versions se valent : l’écart de chaque variante avec le témoin « %{control} » reste entre %{low} et %{high} points de retours positifs, avec une confiance de 95 % valable à chaque consultation.',
        ended_without_conclusion:
          'L’expérience est terminée sans conclusion : l’écart entre « %{variant} » (%{variantRate}) et le témoin « %{control} » (%{controlRate}) n’est pas démontré (%{p}). Ses résultats sont figés ; une nouvelle expérience peut reprendre la question.',
        ended_too_few_subjects:
          'L’expérience est terminée avant d’avoir assez de données pour conclure : il fallait au moins %{min} personnes servies par variante, et « %{variant} » n’en a eu que %{count}.',
        ended_no_subjects_yet: 'L’expérience est terminée sans données : « %{variant} » n’a servi personne.',
        ended_too_few_outcomes:
          'L’expérience est terminée avant d’avoir assez de données pour conclure : trop peu de personnes avec un retour positif, ou sans, pour que le test soit valable.',
        too_few_subjects:
          'Pas encore assez de données pour conclure : il faut au moins %{min} personnes servies par variante, et « %{variant} » n’en a que %{count}.',
        no_subjects_yet:
          'Pas encore de données : « %{variant} » n’a encore servi personne. Il faut au moins %{min} personnes par variante pour conclure.',
        too_few_outcomes:
          'Pas encore assez de données pour conclure : trop peu de personnes avec un retour positif, ou sans, pour que le test soit valable (au moins %{min} de chaque sont attendus par variante).',
        srm: 'Aucune conclusion possible tant que la répartition est déséquilibrée : corrigez d’abord la cause signalée ci-dessus.',
        srm_warning:
          'Les personnes affectées (%{observed}) ne suivent pas la répartition prévue (%{expected}) : test du khi-deux, %{p}. Un défaut d’affectation ou de journalisation fausse probablement les résultats.',
        always_valid_p_equals: 'p toujours valide = %{value}',
        always_valid_p_below: 'p toujours valide < %{value}',
        p_equals: 'p = %{value}',
        p_below: 'p < %{value}',
      },
    },
  },
  resources: {
    experiments: {
      name: 'Expérience |||| Expériences',
      empty: 'Aucune expérience pour l’instant.',
      invite: 'Voulez-vous en créer une ?',
      fields: {
        key: 'Clé',
        name: 'Nom',
        prompt: 'Gabarit de requête',
        variants: 'Variantes',
        coverage: 'Couverture (%)',
        phase: 'État',
        activeVersion: 'Version en vigueur',
        draftVersion: 'Brouillon',
        updatedAt: 'Modifiée le',
        q: 'Recherche',
        archived: 'Arrêtées seulement',
      },
    },
  },
};
