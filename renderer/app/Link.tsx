import type { MouseEvent, ReactNode } from 'react';
import { hrefFor, navigate } from './navigation';

/** An in-app link: a plain click navigates without a page load; modified clicks behave as the browser's. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={hrefFor(to)} onClick={onClick}>
      {children}
    </a>
  );
}
