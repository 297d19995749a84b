export type ConsoleSection = 'conversations' | 'links' | 'participants' | 'invitations' | 'api-keys' | 'agents';

const LABELS: Record<ConsoleSection, string> = {
  conversations: 'Conversations',
  links: 'Links',
  participants: 'Participants',
  invitations: 'Invitations',
  'api-keys': 'API keys',
  agents: 'Agents',
};

interface Props {
  sections: readonly ConsoleSection[];
  current: ConsoleSection;
  onChange(section: ConsoleSection): void;
}

/** The console's sections; the current one is marked for screen readers with aria-current. */
export function SectionNav({ sections, current, onChange }: Props) {
  return (
    <nav class="section-nav" aria-label="Sections">
      {sections.map((section) => (
        <button
          key={section}
          type="button"
          class="section-nav__item"
          aria-current={section === current ? 'page' : undefined}
          onClick={() => onChange(section)}
        >
          {LABELS[section]}
        </button>
      ))}
    </nav>
  );
}
