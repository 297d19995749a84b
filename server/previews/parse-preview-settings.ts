import { DEFAULT_PREVIEW_SETTINGS, normalizeDomain, type PreviewSettings } from './preview-policy';

const KEYS = ['enabled', 'allowDomains', 'denyDomains'];
const MAX_DOMAINS = 200;

/** An app's `linkPreviews` from the apps config; absent means on, no lists. Problems are listed with their place. */
export function parsePreviewSettings(raw: unknown, at: string, problems: string[]): PreviewSettings {
  if (raw === undefined) return DEFAULT_PREVIEW_SETTINGS;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${at}: expected an object like {"enabled": true, "allowDomains": [], "denyDomains": []}`);
    return DEFAULT_PREVIEW_SETTINGS;
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!KEYS.includes(key)) problems.push(`${at}: unknown key "${key}"`);
  if (record.enabled !== undefined && typeof record.enabled !== 'boolean') problems.push(`${at}.enabled: must be true or false`);
  return {
    enabled: record.enabled !== false,
    allowDomains: domains(record.allowDomains, `${at}.allowDomains`, problems),
    denyDomains: domains(record.denyDomains, `${at}.denyDomains`, problems),
  };
}

function domains(raw: unknown, at: string, problems: string[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > MAX_DOMAINS) {
    problems.push(`${at}: must be a list of at most ${MAX_DOMAINS} domains`);
    return [];
  }
  const result: string[] = [];
  raw.forEach((entry, index) => {
    const domain = typeof entry === 'string' ? normalizeDomain(entry) : undefined;
    if (domain) result.push(domain);
    else problems.push(`${at}[${index}]: "${String(entry)}" is not a domain like shop.example`);
  });
  return result;
}
