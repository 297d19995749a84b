import { useEffect, useRef } from 'preact/hooks';

/** "Load more conversations": loads by itself when scrolled into view, and stays a button for the keyboard. */
export function LoadMore({ onLoadMore }: { onLoadMore(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = button.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [onLoadMore]);
  return (
    <button ref={button} type="button" class="button session-list__more" onClick={onLoadMore}>
      Load more conversations
    </button>
  );
}
