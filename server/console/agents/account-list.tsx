import type { AgentAccount, AgentAppsResponse } from '../../agent-wire';
import { ROLE_LABELS } from './account-form';

interface Props {
  accounts: AgentAccount[];
  apps: AgentAppsResponse['apps'];
  /** The account whose enable/disable is on its way. */
  pendingId: string | null;
  onEdit(account: AgentAccount): void;
  onToggleDisabled(account: AgentAccount): void;
  onResetToken(account: AgentAccount): void;
}

function appNames(account: AgentAccount, apps: Props['apps']): string {
  if (account.role === 'owner') return 'Every app';
  if (account.apps.length === 0) return 'None';
  return account.apps.map((id) => apps.find((app) => app.appId === id)?.name ?? id).join(', ');
}

export function AccountList({ accounts, apps, pendingId, onEdit, onToggleDisabled, onResetToken }: Props) {
  return (
    <ul class="account-list">
      {accounts.map((account) => (
        <li key={account.id} class={`account${account.disabled ? ' account--disabled' : ''}`}>
          <div class="account__who">
            <h3 class="account__name">
              <bdi>{account.displayName}</bdi>
            </h3>
            <p class="account__handle">
              <bdi>{account.name}</bdi>
            </p>
          </div>
          <dl class="account__facts">
            <div>
              <dt>Role</dt>
              <dd>{ROLE_LABELS[account.role]}</dd>
            </div>
            <div>
              <dt>Apps</dt>
              <dd>
                <bdi>{appNames(account, apps)}</bdi>
              </dd>
            </div>
            <div>
              <dt>State</dt>
              <dd>
                <span class={`badge ${account.disabled ? 'badge--closed' : 'badge--verified'}`}>{account.disabled ? 'Disabled' : 'Active'}</span>
              </dd>
            </div>
          </dl>
          <div class="account__actions">
            <button type="button" class="button" aria-label={`Change ${account.name}`} onClick={() => onEdit(account)}>
              Change
            </button>
            <button
              type="button"
              class="button"
              aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.name}`}
              // aria-disabled, not disabled: a disabled button drops keyboard focus to the page.
              aria-disabled={pendingId === account.id ? 'true' : undefined}
              onClick={() => pendingId !== account.id && onToggleDisabled(account)}
            >
              {account.disabled ? 'Enable' : 'Disable'}
            </button>
            <button type="button" class="button" aria-label={`Reset token of ${account.name}`} onClick={() => onResetToken(account)}>
              Reset token
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
