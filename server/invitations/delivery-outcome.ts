/** What one hand-off to a channel came to; `unknown` is never an outcome here (only a crash leaves it). */
export interface DeliveryOutcome {
  status: 'sent' | 'failed' | 'bounced';
  /** The provider's message id (SMS), for its status callbacks. */
  providerId?: string;
  /** For the console: what the provider said, without the address. */
  error?: string;
}

/** One message ready to hand off. */
export interface OutgoingMessage {
  to: string;
  subject?: string;
  body: string;
  /** Email: the one-click unsubscribe address (List-Unsubscribe). */
  unsubscribeUrl?: string;
  /** SMS: where the provider reports delivery. */
  statusCallbackUrl?: string;
}

export interface Courier {
  deliver(message: OutgoingMessage): Promise<DeliveryOutcome>;
  close(): void;
}
