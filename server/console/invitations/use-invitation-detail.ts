import { useCallback, useEffect, useState } from 'preact/hooks';
import type { InvitationDetailResponse } from '../../invitations/invitation-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError } from '../api/api-error';

/** How often an invitation that is scheduled or sending is read again while its panel is open. */
export const POLL_MS = 3000;

const LIVE = new Set(['scheduled', 'sending']);

/**
 * One invitation with its counts and recipients: loaded when opened or `version` changes, re-read every POLL_MS
 * while it is scheduled or sending, and paged on with `loadMore`. A refresh starts again from the first page.
 */
export function useInvitationDetail(client: AgentClient, appId: string, id: string, version: number) {
  const [detail, setDetail] = useState<InvitationDetailResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let active = true;
    client.getInvitation(appId, id).then(
      (answer) => {
        if (!active) return;
        setDetail(answer);
        setError(null);
      },
      (failure) => active && setError(describeError(failure)),
    );
    return () => {
      active = false;
    };
  }, [client, appId, id, version, loads]);

  const live = detail !== null && LIVE.has(detail.invitation.status);
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(() => setLoads((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [live, detail]);

  const refresh = useCallback(() => setLoads((n) => n + 1), []);
  const loadMore = useCallback(async () => {
    if (!detail?.next) return;
    try {
      const page = await client.getInvitation(appId, id, detail.next);
      setDetail((current) => (current ? { ...page, recipients: [...current.recipients, ...page.recipients] } : page));
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [client, appId, id, detail]);

  return { detail, error, live, refresh, loadMore };
}
