/**
 * iOS Safari does not shrink the layout when the on-screen keyboard opens, and may scroll the visual viewport
 * instead. Mirroring the visual viewport's height and offset into CSS (--viewport-height, --viewport-top) keeps the
 * header and the composer on screen above the keyboard there too.
 */
export function trackVisualViewport(root: HTMLElement): void {
  const viewport = window.visualViewport;
  if (!viewport) return;
  const apply = () => {
    root.style.setProperty('--viewport-height', `${Math.round(viewport.height)}px`);
    root.style.setProperty('--viewport-top', `${Math.round(viewport.offsetTop)}px`);
  };
  viewport.addEventListener('resize', apply);
  viewport.addEventListener('scroll', apply);
  apply();
}
