/**
 * Services to name before any dataset when a question shows a need the portal cannot meet: the portal publishes
 * no live situation and no help. Keys are the chatbot prompt's `services` variable (from version 3 on).
 */
export const SERVICES = ['urgence', 'sante', 'route', 'feux', 'pannes'] as const;
export type ServiceKey = (typeof SERVICES)[number];

// Matched on the question lowercased without accents; French first, with the common English words.
const SIGNALS: Record<ServiceKey, RegExp> = {
  urgence:
    /\b(une urgence|urgent|9-?1-?1|ambulance|douleurs? (a|dans) la poitrine|ne respire|inconscient|saigne|hemorragie|suicid\w*|surdose|overdose|empoisonn\w*|intoxiqu\w*|en danger|au feu|emergency|chest pain|not breathing)\b/,
  sante:
    /\b(8-?1-?1|info-sante|info-social|malade|symptomes?|fievre|toux|mal (de|au|a la)|blesse|medicaments?|anxi\w*|detresse|deprim\w*|sick|fever|symptoms?)\b/,
  route:
    /\b(5-?1-?1|conditions? routieres?|etat des routes|routes? (fermees?|bloquees?|ouvertes?)|autoroute \d+|route \d+|fermeture de (la )?route|road conditions?|road closures?|roads? closed)\b/,
  feux: /\b(feux? de foret|incendies? de foret|forest fires?|wildfires?)\b/,
  pannes: /\b(pannes?|plus d'electricite|plus de courant|power outages?|blackout)\b/,
};

/**
 * Which services a question calls for, in the order the prompt names them. "Les urgences" (hospital emergency
 * rooms, a dataset) does not call 9-1-1; "une urgence", "urgent" and the signs of one do.
 */
export function servicesFor(question: string): ServiceKey[] {
  const folded = question
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘]/g, "'");
  return SERVICES.filter((key) => SIGNALS[key].test(folded));
}
