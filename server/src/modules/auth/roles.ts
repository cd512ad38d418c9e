/** Console roles (DESIGN.md §6). */
export const ROLES = ['analyst', 'approver', 'risk', 'admin'] as const;
export type Role = (typeof ROLES)[number];
