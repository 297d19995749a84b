import { screen, waitFor } from '@testing-library/preact';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

/** Picks a conversation in the list the way an agent would, and waits for its transcript. */
export async function openConversation(user: UserEvent, visitorName: RegExp | string): Promise<HTMLElement> {
  await screen.findByText('Live');
  await user.click(await screen.findByRole('button', { name: visitorName }));
  const heading = await screen.findByRole('heading', { level: 2, name: visitorName });
  await waitFor(() => expect(heading).toHaveFocus());
  await waitFor(() => expect(screen.queryByText('Loading messages…')).not.toBeInTheDocument());
  return heading;
}
