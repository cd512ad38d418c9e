/** A page this person's roles may not open (layout/CatchAll.tsx) (fr). */
export const accessMessages = {
  title: 'Accès refusé',
  needs: 'La page « %{page} » est réservée aux rôles : %{roles}.',
  yours: 'Vos rôles : %{roles}. Une personne de l’administration peut vous donner un autre rôle.',
  home: 'Retour à l’accueil',
};
