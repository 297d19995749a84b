/** Why a preview fetch was refused or failed. Stable codes: they are cached, logged and asserted by tests. */
export type RefusalReason =
  | 'unsupported_scheme'
  | 'credentials'
  | 'port'
  | 'address'
  | 'unresolvable'
  | 'too_many_redirects'
  | 'bad_redirect'
  | 'connect_timeout'
  | 'timeout'
  | 'status'
  | 'content_type'
  | 'content_encoding'
  | 'too_large'
  | 'network'
  | 'no_metadata'
  | 'image_decode';

export class FetchRefusal extends Error {
  override name = 'FetchRefusal';
  constructor(
    readonly reason: RefusalReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}
