import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  labelledBy: string;
  /** Escape and the dialog's own cancel; not called while `busy`. */
  onClose(): void;
  busy?: boolean;
  children: ComponentChildren;
}

/**
 * A modal <dialog>: the page behind is inert while it is open, and focus goes back to whatever had it before (the
 * button that opened it) when it closes. Its content focuses its own first control.
 */
export function ModalDialog({ labelledBy, onClose, busy = false, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Taken while rendering: by the time effects run, the content has already moved focus into the dialog.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  // A layout effect, so the dialog is modal before its content's (passive) effects choose what to focus.
  useLayoutEffect(() => {
    const element = dialog.current!;
    // jsdom has no showModal; every browser the console supports does.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  function cancel(event: Event) {
    event.preventDefault();
    if (!busy) onClose();
  }

  return (
    <dialog
      ref={dialog}
      class="modal"
      aria-labelledby={labelledBy}
      onCancel={cancel}
      onKeyDown={(event) => event.key === 'Escape' && cancel(event)}
    >
      {children}
    </dialog>
  );
}
