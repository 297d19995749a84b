import { IDENTITY_LIMITS } from '../../../src/api/limits';

interface Props {
  value: string;
  onChange(name: string): void;
}

export function AgentNameField({ value, onChange }: Props) {
  return (
    <div class="agent-name">
      <label for="agent-name">Your name shown to visitors</label>
      <input
        id="agent-name"
        type="text"
        autocomplete="name"
        maxLength={IDENTITY_LIMITS.name}
        placeholder="Agent"
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
