/** A page this person's roles may not open (layout/CatchAll.tsx) (en). */
export const accessMessages = {
  title: 'Access denied',
  needs: 'The page “%{page}” is for these roles: %{roles}.',
  yours: 'Your roles: %{roles}. An administrator can give you another role.',
  home: 'Back to the dashboard',
};
