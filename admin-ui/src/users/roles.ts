/** The API's roles (server/src/common/access/roles.ts), in the order the console lists them. */
export const ROLES = ['analyst', 'approver', 'risk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles as choices, worded by the console's own messages (gabarit.roles.*). */
export const roleChoices = ROLES.map((role) => ({ id: role, name: `gabarit.roles.${role}` }));
