import type { ChannelReadiness, InvitationChannel } from '../../invitations/invitation-wire';
import { CHANNEL_LABELS } from './invitation-labels';

/** What the server lacks to send on this channel, in its own setting names: said up front, not as a failed send. */
export function ChannelMissing({ channel, state }: { channel: InvitationChannel; state: ChannelReadiness }) {
  const missing = state.missing?.length ? state.missing : null;
  return (
    <div class="notice notice--warning">
      <p>
        {CHANNEL_LABELS[channel]} is not set up on this server, so this invitation cannot be sent yet.{' '}
        {missing ? (
          <>
            Ask whoever runs the server to set{' '}
            {missing.map((name, index) => (
              <span key={name}>
                {index > 0 && (index === missing.length - 1 ? ' and ' : ', ')}
                <code>{name}</code>
              </span>
            ))}
            , then restart it.
          </>
        ) : (
          'Ask whoever runs the server to configure it.'
        )}
      </p>
    </div>
  );
}
