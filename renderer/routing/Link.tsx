import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { hrefFor, navigate } from './navigation';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & {
  to: string;
  children: ReactNode;
  'data-testid'?: string;
};

/** An in-app link: a plain click navigates without a page load; modified clicks behave as the browser's. */
export function Link({ to, children, ...attributes }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a {...attributes} href={hrefFor(to)} onClick={onClick}>
      {children}
    </a>
  );
}
