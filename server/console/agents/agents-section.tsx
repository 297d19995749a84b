import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AgentAccount, AgentAppsResponse, AgentRole } from '../../agent-wire';
import type { AgentClient } from '../api/agent-client';
import { ApiError, describeError } from '../api/api-error';
import { ModalDialog } from '../components/modal-dialog';
import { accountFormOf, emptyAccountForm, toChangeRequest, toCreateRequest, type AccountFormValues } from './account-form';
import { AccountFormDialog } from './account-form-dialog';
import { AccountList } from './account-list';
import { ResetConfirm } from './reset-confirm';
import { TokenReveal } from './token-reveal';

interface Props {
  client: AgentClient;
  apps: AgentAppsResponse['apps'];
  actorRole: AgentRole;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'change'; account: AgentAccount }
  | { kind: 'reset'; account: AgentAccount }
  | { kind: 'token'; account: AgentAccount; token: string; reason: 'created' | 'reset' };

/** Owners and admins: the accounts they manage, and creating, changing, disabling and re-keying them. */
export function AgentsSection({ client, apps, actorRole }: Props) {
  const [accounts, setAccounts] = useState<AgentAccount[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogBusy, setDialogBusy] = useState(false);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useLayoutEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let active = true;
    setLoadError(null);
    client.listAgents().then(
      ({ agents }) => active && setAccounts(agents),
      (error) => active && !(error instanceof ApiError && error.status === 401) && setLoadError(describeError(error)),
    );
    return () => {
      active = false;
    };
  }, [client, attempt]);

  function stored(account: AgentAccount) {
    setAccounts((current) =>
      current?.some((a) => a.id === account.id) ? current.map((a) => (a.id === account.id ? account : a)) : [...(current ?? []), account],
    );
  }

  function closeDialog() {
    setDialog(null);
    setDialogBusy(false);
  }

  async function create(values: AccountFormValues) {
    const { agent, token } = await client.createAgent(toCreateRequest(values));
    stored(agent);
    setDialogBusy(false);
    setDialog({ kind: 'token', account: agent, token, reason: 'created' });
  }

  async function change(account: AgentAccount, values: AccountFormValues) {
    const request = toChangeRequest(values, account);
    if (request) stored(await client.changeAgent(account.id, request));
    closeDialog();
    setAnnouncement(request ? `Saved the changes to ${account.name}.` : 'Nothing changed.');
  }

  async function reset(account: AgentAccount) {
    const { agent, token } = await client.resetAgentToken(account.id);
    stored(agent);
    setDialogBusy(false);
    setDialog({ kind: 'token', account: agent, token, reason: 'reset' });
  }

  async function toggleDisabled(account: AgentAccount) {
    setPendingId(account.id);
    setActionError(null);
    try {
      const changed = await client.changeAgent(account.id, { disabled: !account.disabled });
      stored(changed);
      setAnnouncement(`${account.name} is ${changed.disabled ? 'disabled: their token no longer works' : 'enabled again'}.`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) setActionError(`${account.name} was not changed: ${describeError(error)}`);
    } finally {
      setPendingId(null);
    }
  }

  const open = (next: Dialog) => {
    setAnnouncement('');
    setActionError(null);
    setDialog(next);
  };

  return (
    <main id="main" class="agents">
      <div class="agents__head">
        <h2 ref={heading} tabIndex={-1}>
          Agents
        </h2>
        <button type="button" class="button button--primary" onClick={() => open({ kind: 'create' })}>
          New agent
        </button>
      </div>
      <p class="hint">
        Each agent signs in to this console with a personal token and works only in the apps given here. Disabling an
        agent or resetting their token ends their access at once.
      </p>
      {actionError && (
        <p class="notice notice--error" role="alert">
          {actionError}
        </p>
      )}
      {loadError ? (
        <div class="notice notice--error" role="alert">
          <p>The agents could not be loaded. {loadError}</p>
          <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : accounts === null ? (
        <p>Loading agents…</p>
      ) : accounts.length === 0 ? (
        <p class="agents__empty">No agents yet. Create one with New agent.</p>
      ) : (
        <AccountList
          accounts={accounts}
          apps={apps}
          pendingId={pendingId}
          onEdit={(account) => open({ kind: 'change', account })}
          onToggleDisabled={toggleDisabled}
          onResetToken={(account) => open({ kind: 'reset', account })}
        />
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      {dialog && (
        <ModalDialog labelledBy="account-dialog-title" busy={dialogBusy} onClose={closeDialog}>
          {dialog.kind === 'create' && (
            <AccountFormDialog
              initial={emptyAccountForm()}
              apps={apps}
              actorRole={actorRole}
              submit={create}
              onCancel={closeDialog}
              onBusy={setDialogBusy}
            />
          )}
          {dialog.kind === 'change' && (
            <AccountFormDialog
              editing={{ name: dialog.account.name }}
              initial={accountFormOf(dialog.account)}
              apps={apps}
              actorRole={actorRole}
              submit={(values) => change(dialog.account, values)}
              onCancel={closeDialog}
              onBusy={setDialogBusy}
            />
          )}
          {dialog.kind === 'reset' && (
            <ResetConfirm name={dialog.account.name} reset={() => reset(dialog.account)} onCancel={closeDialog} onBusy={setDialogBusy} />
          )}
          {dialog.kind === 'token' && (
            <TokenReveal name={dialog.account.name} token={dialog.token} reason={dialog.reason} onDone={closeDialog} />
          )}
        </ModalDialog>
      )}
    </main>
  );
}
