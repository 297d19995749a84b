import type { AgentChatLink } from '../../links/agent-link-wire';
import { LINK_STATE_LABELS, linkLocaleLabel } from './link-labels';

interface Props {
  links: AgentChatLink[];
  onOpen(linkId: string): void;
}

export function LinkTable({ links, onOpen }: Props) {
  return (
    <div class="link-table__scroll">
      <table class="link-table">
        <caption class="visually-hidden">Chat links, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Language</th>
            <th scope="col">State</th>
            <th scope="col" class="link-table__count">Opens</th>
            <th scope="col" class="link-table__count">Conversations</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id}>
              <th scope="row">
                <button type="button" class="link-table__open" data-link-id={link.id} onClick={() => onOpen(link.id)}>
                  {link.name}
                </button>
                <span class="link-table__slug">/c/{link.slug}</span>
              </th>
              <td>{linkLocaleLabel(link.locale)}</td>
              <td>
                <span class={`badge badge--link-${link.state}`}>{LINK_STATE_LABELS[link.state]}</span>
              </td>
              <td class="link-table__count">{link.totals.opens}</td>
              <td class="link-table__count">{link.totals.conversations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
