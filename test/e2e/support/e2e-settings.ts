// Overridable so several checkouts on one machine can run the suite at once.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);
/** A second port for the suites that start servers of their own. */
export const E2E_SPARE_PORT = E2E_PORT + 1;
/** The local web site whose pages the server previews (link-preview.spec.ts); the server may reach only it. */
export const E2E_PREVIEW_SITE_PORT = E2E_PORT + 2;
export const E2E_AGENT_TOKEN = 'e2e-agent-token-0123456789abcdef';
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
/** A host page's origin that the e2e apps config lets embed the demo app (same server, another origin). */
export const E2E_EMBEDDING_ORIGIN = `http://localhost:${E2E_PORT}`;
/** The SMTP server a test runs to receive the invitations the e2e server sends (invitations.spec.ts). */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 3);
