export type Definition = [term: string, value: string];

/** Remote strings as terms and values, always as text. */
export function DefinitionList({ items, empty }: { items: Definition[]; empty: string }) {
  if (!items.length) return <p class="definitions__empty">{empty}</p>;
  return (
    <dl class="definitions">
      {items.map(([term, value], i) => (
        <div class="definitions__row" key={i}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
