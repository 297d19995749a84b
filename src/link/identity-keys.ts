export const SIGNED_KEYS = ['sbs', 'sbs_mm', 'ranstr'] as const;
export const CLAIM_KEYS = ['name', 'nickname', 'email', 'phone'] as const;
/** Parameters that identify a person: removed from the address bar once read. */
export const IDENTITY_KEYS: readonly string[] = [...SIGNED_KEYS, ...CLAIM_KEYS];
