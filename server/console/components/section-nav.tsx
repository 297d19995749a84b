export type ConsoleSection = 'conversations' | 'links';

const SECTIONS: { id: ConsoleSection; label: string }[] = [
  { id: 'conversations', label: 'Conversations' },
  { id: 'links', label: 'Links' },
];

/** The app's sections; the current one is marked for screen readers with aria-current. */
export function SectionNav({ current, onChange }: { current: ConsoleSection; onChange(section: ConsoleSection): void }) {
  return (
    <nav class="section-nav" aria-label="Sections">
      {SECTIONS.map((section) => (
        <button
          key={section.id}
          type="button"
          class="section-nav__item"
          aria-current={section.id === current ? 'page' : undefined}
          onClick={() => onChange(section.id)}
        >
          {section.label}
        </button>
      ))}
    </nav>
  );
}
