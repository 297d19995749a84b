import { AppsConfigError } from '../config/apps-config';
import { SettingsError } from '../config/server-settings';
import { StorageStartupError } from '../store/storage-startup-error';

/**
 * What to tell the operator when the server cannot start; undefined for an unexpected error, whose stack is
 * worth printing. Configuration errors name what to fix; network errors are one line naming HOST or PORT.
 */
export function startupErrorMessage(error: unknown, listen?: { host: string; port: number }): string | undefined {
  if (error instanceof SettingsError || error instanceof AppsConfigError || error instanceof StorageStartupError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = `(${(error as Error | undefined)?.message ?? code})`;
  const host = listen?.host ?? 'HOST';
  const port = listen?.port ?? 'PORT';
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is in use: set PORT to another one. ${detail}`;
    case 'EACCES':
      return `Not allowed to listen on port ${port}: set PORT to 1024 or higher. ${detail}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return `HOST "${host}" cannot be resolved: set HOST to an address of this machine, such as 127.0.0.1 or 0.0.0.0. ${detail}`;
    case 'EADDRNOTAVAIL':
      return `HOST "${host}" is not an address of this machine: set HOST to one, such as 127.0.0.1 or 0.0.0.0. ${detail}`;
    default:
      return undefined;
  }
}
