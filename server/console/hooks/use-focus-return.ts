import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A section's side panel gives focus back when it closes: to the element that opened it (found by `attribute`,
 * e.g. the row's button with data-link-id), or to the section's heading when that element is gone.
 * Returns the function to call with the opener's id just before closing.
 */
export function useFocusReturn(area: RefObject<HTMLElement | null>, panelOpen: boolean, attribute: string, headingId: string, content: unknown): (id: string) => void {
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (panelOpen || !returnTo.current || !area.current) return;
    const target = returnTo.current;
    returnTo.current = null;
    const opener = area.current.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(target)}"]`);
    (opener ?? area.current.querySelector<HTMLElement>(`#${headingId}`))?.focus();
  }, [area, panelOpen, attribute, headingId, content]);
  return (id: string) => {
    returnTo.current = id;
  };
}
