import { useEffect, useState } from 'react';

/**
 * True once the element has come near the viewport (a heavy chart is fetched only then). Returns a callback
 * ref, so an element rendered later (after its data arrives) is observed too.
 */
export function useVisible(margin = '200px'): [(element: Element | null) => void, boolean] {
  const [element, setElement] = useState<Element | null>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (visible || !element) return;
    if (typeof IntersectionObserver === 'undefined') return setVisible(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, margin, visible]);
  return [setElement, visible];
}
