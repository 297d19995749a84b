import { safeImageSource } from '../../link/safe-url';
import { initials } from './initials';
import './style.css';

interface Props {
  name: string;
  url?: string;
  size?: 'small' | 'large';
}

// A hue per name, so two agents' initials are told apart; 30 % lightness keeps white text at AA contrast for every hue.
function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) % 9973;
  return (hash * 47) % 360;
}

/** A team member's face: their picture when the app config gives one, their initials otherwise. Decorative. */
export function Avatar({ name, url, size = 'small' }: Props) {
  const src = safeImageSource(url);
  const className = `avatar avatar--${size}`;
  if (src) return <img class={className} src={src} alt="" referrerpolicy="no-referrer" />;
  return (
    <span class={className} aria-hidden="true" style={{ background: `hsl(${hueOf(name)} 50% 30%)` }}>
      {initials(name)}
    </span>
  );
}
