/** The closed-conversation panel's action: where the page's skip link leads while the conversation is closed. */
export const SESSION_CLOSED_ACTION_ID = 'session-closed-action';
