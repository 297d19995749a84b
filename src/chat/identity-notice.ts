import type { IdentityError, Visitor } from '../api/wire';

/**
 * The identity notice to show, if any. Every notice says "you're chatting as a guest", which is false when the
 * visitor goes on as a signed-in customer (a customer reopening their own, already used link): then the header's
 * "Signed in" is the one true message.
 */
export function truthfulIdentityNotice(visitor: Visitor | undefined, notice: IdentityError | undefined): IdentityError | undefined {
  return visitor?.verified ? undefined : notice;
}
