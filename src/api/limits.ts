// Bounds shared by the page (which trims or drops) and the server (which rejects with 400 invalid_request).

export const APP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const RANSTR_PATTERN = /^[A-Za-z0-9]{16,64}$/;
export const SIGNATURE_PATTERN = /^[0-9a-f]{32}$/;

export const IDENTITY_LIMITS = {
  sbs: 128,
  sbs_mm: 32,
  ranstr: 64,
  name: 100,
  nickname: 100,
  email: 254,
  phone: 32,
} as const;

export const MAX_VARS = 20;
export const MAX_VAR_KEY_LENGTH = 64;
export const MAX_VAR_VALUE_LENGTH = 256;
export const VAR_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
/** All variables together, keys and values, in UTF-8: keeps any link's /visitors body well under the 16 KiB limit. */
export const MAX_VARS_BYTES = 4096;

export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_PAGE_SIZE = 100;

export const LINK_LIMITS = { url: 2048, title: 200, description: 500 } as const;

/** A chat link's slug (`/c/<slug>`): 3-64 of a-z, 0-9 and '-', starting and ending with a letter or digit. */
export const LINK_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;
