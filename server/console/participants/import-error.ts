import { ApiError, describeError } from '../api/api-error';

const FILE_PROBLEMS = new Set(['invalid_request', 'too_many_rows', 'unsupported_media_type']);

/** Why a file was refused: the server's own sentence for a file it could not read (it names the line or column). */
export function describeImportError(error: unknown): string {
  if (error instanceof ApiError) {
    // The console's ApiError lists the chat page's codes; the server may send any of its own.
    const code: string = error.code;
    if (FILE_PROBLEMS.has(code)) return error.message;
    if (error.code === 'payload_too_large') return 'The file is larger than 5 MB: split it into several files.';
  }
  return describeError(error);
}
