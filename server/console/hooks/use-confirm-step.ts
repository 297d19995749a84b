import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A destructive button's "are you sure?" step: asking moves focus to Cancel (the safe answer), and backing out
 * gives it back to the button that asked.
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useLayoutEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return { confirming, setConfirming, opener, cancel };
}
