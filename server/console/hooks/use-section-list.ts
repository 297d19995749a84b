import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../api/api-error';
import { useFocusReturn } from './use-focus-return';

const NO_PANEL = { kind: 'none' } as const;

/**
 * The skeleton of a console section with a list and a side panel (links, invitations): the list's loading, retry and
 * refresh; which panel is open; focus given back to the row that opened it (found by `attribute`) or to the heading;
 * and the polite status line. `load` must keep its identity while its inputs do (useCallback).
 */
export function useSectionList<List, Panel extends { kind: string }>(load: () => Promise<List>, attribute: string, headingId: string) {
  const [list, setList] = useState<List | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel | typeof NO_PANEL>(NO_PANEL);
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const area = useRef<HTMLElement>(null);

  const reload = useCallback(() => {
    setLoadError(null);
    load().then(setList, (error) => setLoadError(describeError(error)));
  }, [load]);
  useEffect(reload, [reload, version]);

  const returnFocusTo = useFocusReturn(area, panel.kind !== 'none', attribute, headingId, list);

  return {
    list,
    loadError,
    reload,
    /** Grows with every change, so an open panel reloads what it shows. */
    version,
    refresh: () => setVersion((n) => n + 1),
    area,
    panel,
    setPanel,
    announcement,
    announce: setAnnouncement,
    /** Closes the panel; focus goes back to the row with this id ('new': the section's "new" button). */
    close(focusId: string) {
      returnFocusTo(focusId);
      setPanel(NO_PANEL);
    },
    /** After a change: says so, reloads the list, and opens `next`. */
    changed(message: string, next: Panel) {
      setAnnouncement(message);
      setVersion((n) => n + 1);
      setPanel(next);
    },
  };
}
