/** experiments labels (en). */
export const experimentsMessages = {
  gabarit: {
    experiments: {
      phase: { not_started: 'Not started', scheduled: 'Scheduled', running: 'Running', stopped: 'Stopped' },
      stopped_by: 'Stopped on %{at} by %{by}.',
      stopped_by_because: 'Stopped on %{at} by %{by}: “%{comment}”',
      edit_draft: 'Edit the draft',
      edit_title: 'Draft of experiment “%{key}”',
      edit_base:
        'Changes create or update the draft (version %{version}); it must be submitted, approved and published before they apply.',
      created: 'Experiment draft created.',
      saved: 'Draft saved.',
      variant_name: 'Variant name',
      variant_version: 'Prompt version',
      variant_weight: 'Weight',
      split_fixed:
        'This experiment has started: its variants, their versions and weights stay as they were when it started, since changing them would move people already served and mix two splits in its results. You can change its coverage; for another split, stop it and start a new experiment.',
      variants_help:
        'The first variant is the control. Each variant serves a published version of the prompt, according to its weight.',
      coverage_help: 'Share of subjects included in the experiment; the others get the version in force.',
      shares: 'Traffic split: %{shares}',
      open_running: 'Open that experiment',
      running_elsewhere:
        'The experiment “%{experiment}” is running on this prompt: a prompt runs one experiment at a time, so this one can start only once that one is stopped.',
      choose_prompt_first: 'Choose a prompt first.',
      no_published_version: 'This prompt has no published version: publish at least two before comparing them.',
      version_choice: 'Version %{version} (%{status})',
      prompt_is: 'Prompt:',
      coverage_is: 'Coverage:',
      variant_line: '%{name} — prompt version %{version} — %{share} of traffic',
      control: 'control',
      settings_title: 'Settings of version %{version}',
      awaiting_title: 'Settings of version %{version}, %{status}',
      changes: {
        title: 'What changes from version %{from}:',
        none: 'No setting changes.',
        line: '%{field}: %{before} → %{after}',
        variant: 'variant %{n}',
        absent: '(absent)',
        fields: {
          variants: 'variants',
          name: 'name',
          version: 'prompt version',
          weight: 'weight',
          coverage: 'coverage',
          guardrails: 'guardrails',
          maxErrorRate: 'highest error rate',
          maxP95LatencyMs: 'highest p95 latency (ms)',
          maxCostPerAnswer: 'highest cost per answer',
          pricePerMillionTokens: 'price per million tokens',
          input: 'input',
          output: 'output',
          minSamplePerVariant: 'people per variant before any verdict',
        },
      },
      lifecycle_help:
        'Publishing an approved version starts the experiment, or replaces its settings if it is already running. Stopping it gives every subject the prompt version in force again.',
      validation: {
        key: 'Lower-case letters, digits and hyphens (2 to 63 characters), starting with a letter or digit.',
        variant_name: 'Lower-case letters, digits and hyphens (at most 32 characters), starting with a letter.',
        weight: 'A weight above 0, at most 1000.',
        coverage: 'A percentage from 0.1 to 100.',
        variant_count: 'Between 2 and 5 variants.',
      },
      stop: {
        button: 'Stop experiment',
        title: 'Stop the experiment “%{name}”?',
        explain:
          'Every subject will get the prompt version in force again. The experiment is archived: it can no longer be edited or restarted, but its results remain available.',
        done: 'Experiment stopped.',
      },
      results: {
        title: 'Results',
        refresh: 'Refresh results',
        not_running: 'The experiment is not serving any variant at the moment: results are frozen.',
        not_started: 'The experiment has not started: results appear once an approved version is published.',
        scheduled: 'The experiment is scheduled: results appear once it starts.',
        chart_item: '%{variant}: %{rate} (95% interval: %{low} to %{high})',
        chart_title: 'Share of people who gave positive feedback, per variant, with its 95% confidence interval',
        chart_note:
          'Each bar is the observed rate; the vertical line spans the 95% confidence interval (Wilson method). The exact values are in the table below.',
        table_caption: 'Results per variant',
        variant: 'Variant',
        version: 'Version',
        weight: 'Planned share',
        exposures: 'People served',
        conversions: 'People with positive feedback',
        rate: 'Rate',
        ci95: '95% interval',
        ci_range: '%{low} to %{high}',
        p_value: 'p against control (single look)',
        guardrails: 'Guardrails',
        guardrail_ok: 'Within',
        guardrail_breached: 'Breached',
        no_data: 'No data yet',
        srm_title: 'Unbalanced split',
        verdict_title: 'Verdict',
      },
      sequential: {
        title: 'Results valid at every look',
        intro:
          'These values stay valid even if you read the results every day: the always-valid p-value and the confidence sequence (mSPRT) account for every look, unlike the test in the table above, which is valid for a single reading at the end.',
        table_caption: 'Each variant against the control “%{control}”',
        difference: 'Observed difference',
        confidence_sequence: '95% confidence sequence',
        range: '%{low} to %{high}',
        points: '%{value} pts',
        above: '> %{value}',
        below: '< %{value}',
        p_value: 'Always-valid p-value',
        probability: 'Probability to beat the control',
        can_stop: 'Can we conclude?',
        stop_yes: 'Yes',
        stop_no: 'Not yet',
        stop_not_enough: 'Not enough data',
        not_enough:
          'Not enough data to conclude: each variant needs at least %{min} people served before any verdict (%{counts}).',
        chart_title:
          'Difference between “%{variant}” and the control “%{control}” as subjects came in, with its confidence sequence',
        chart_subjects: 'People served (variant and control)',
        chart_difference: 'Difference (points)',
        chart_high: 'Upper bound',
        chart_low: 'Lower bound',
        chart_observed: 'Observed difference',
        chart_zero: 'no difference',
        chart_note:
          'The confidence sequence only narrows; while it contains 0 (dashed line), no difference is shown. A bound beyond the axis is drawn on its edge. The exact values are in the table above.',
        guardrails_caption: 'Guardrails: past a threshold, the experiment stops itself and everyone gets the control',
        metric: 'Metric',
        value: 'Value',
        threshold: 'Threshold',
        status: 'Status',
        within: 'Within',
        breached: 'Breached',
        no_value: 'no measurement',
        no_data: 'No data yet',
        metrics: {
          error_rate: 'Error rate',
          p95_latency_ms: 'p95 latency',
          cost_per_answer: 'Cost per answer',
          sample_ratio: 'Split',
        },
        halt_title: 'Experiment stopped automatically',
        halt_guardrail:
          '%{metric} of “%{variant}”: %{value}, above the threshold of %{threshold}. Everyone now gets the control “%{control}” (version %{version}).',
        halt_srm:
          'The split does not follow the planned weights (chi-square test, %{p}). Everyone now gets the control “%{control}” (version %{version}).',
      },
      verdict: {
        winner:
          'Variant “%{winner}” does better than the control “%{control}”: %{winnerRate} vs %{controlRate} positive feedback (%{p}).',
        control_wins:
          'The control “%{control}” does better than variant “%{loser}”: %{controlRate} vs %{loserRate} positive feedback (%{p}).',
        not_yet_shown:
          'No conclusion yet: “%{variant}” (%{variantRate}) and the control “%{control}” (%{controlRate}) differ, but the test valid at every look does not show it yet (%{p}). Keep the experiment running: a gap read along the way may be chance.',
        no_difference:
          'No difference shown yet: the gap between “%{variant}” (%{variantRate}) and the control “%{control}” (%{controlRate}) may be due to chance (%{p}). Keep the experiment running: not showing a gap is not showing the versions are alike.',
        equivalent:
          'The versions are alike: each variant’s gap with the control “%{control}” stays between %{low} and %{high} points of positive feedback, with 95% confidence valid at every look.',
        ended_without_conclusion:
          'The experiment ended without a conclusion: the gap between “%{variant}” (%{variantRate}) and the control “%{control}” (%{controlRate}) is not shown (%{p}). Its results are frozen; a new experiment can take the question up again.',
        ended_too_few_subjects:
          'The experiment ended before it had enough evidence: at least %{min} people served per variant were needed, and “%{variant}” had only %{count}.',
        ended_no_subjects_yet: 'The experiment ended without data: “%{variant}” served no one.',
        ended_too_few_outcomes:
          'The experiment ended before it had enough evidence: too few people with positive feedback, or without, for the test to hold.',
        too_few_subjects:
          'Not enough evidence yet: at least %{min} people served per variant are needed, and “%{variant}” has only %{count}.',
        no_subjects_yet:
          'No data yet: “%{variant}” has not served anyone yet. At least %{min} people per variant are needed to conclude.',
        too_few_outcomes:
          'Not enough evidence yet: too few people with positive feedback, or without, for the test to be valid (at least %{min} of each are expected per variant).',
        srm: 'No conclusion is possible while the split is unbalanced: fix the cause reported above first.',
        srm_warning:
          'People assigned (%{observed}) do not follow the planned split (%{expected}): chi-square test, %{p}. A defect in assignment or logging is probably skewing the results.',
        always_valid_p_equals: 'always-valid p = %{value}',
        always_valid_p_below: 'always-valid p < %{value}',
        p_equals: 'p = %{value}',
        p_below: 'p < %{value}',
      },
    },
  },
  resources: {
    experiments: {
      name: 'Experiment |||| Experiments',
      empty: 'No experiments yet.',
      invite: 'Do you want to create one?',
      fields: {
        key: 'Key',
        name: 'Name',
        prompt: 'Prompt',
        variants: 'Variants',
        coverage: 'Coverage (%)',
        phase: 'State',
        activeVersion: 'Version in force',
        draftVersion: 'Draft',
        updatedAt: 'Updated',
        q: 'Search',
        archived: 'Stopped only',
      },
    },
  },
};
