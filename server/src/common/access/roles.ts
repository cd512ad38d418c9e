/** Console roles: analyst, approver, risk officer, admin (README, Access). */
export const ROLES = ['analyst', 'approver', 'risk', 'admin'] as const;
export type Role = (typeof ROLES)[number];
