// The app config's shape: checked before the first render (the other wire guards come with the engine).
import type { AppConfig, TeamMember } from './wire';
import { isObject, isOptionalString, isString } from './json-shape';

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isTeamMember = (value: unknown): value is TeamMember =>
  isObject(value) && isString(value.name) && isOptionalString(value.avatarUrl);

export function isAppConfig(value: unknown): value is AppConfig {
  if (!isObject(value) || !isObject(value.branding)) return false;
  const branding = value.branding;
  return (
    isString(value.appId) &&
    isString(value.name) &&
    isString(branding.title) &&
    isString(branding.accentColor) &&
    isOptionalString(branding.logoUrl) &&
    isString(branding.welcome) &&
    isOptionalString(branding.replyTime) &&
    (branding.quickReplies === undefined || isStringList(branding.quickReplies)) &&
    (value.team === undefined || (Array.isArray(value.team) && value.team.every(isTeamMember)))
  );
}
