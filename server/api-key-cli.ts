import { apiKeyCommand } from './api-key-command';
import { projectRootFromBuiltEntry } from './project-root';

process.exitCode = await apiKeyCommand(process.argv.slice(2), process.env, projectRootFromBuiltEntry(import.meta.url), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
