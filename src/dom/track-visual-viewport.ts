/**
 * iOS Safari does not shrink the layout when the on-screen keyboard opens; the visual viewport does. Mirroring its
 * height into --viewport-height keeps the composer above the keyboard there too.
 */
export function trackVisualViewport(root: HTMLElement): void {
  const viewport = window.visualViewport;
  if (!viewport) return;
  const apply = () => root.style.setProperty('--viewport-height', `${Math.round(viewport.height)}px`);
  viewport.addEventListener('resize', apply);
  apply();
}
