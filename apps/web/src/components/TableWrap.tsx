import type { ReactNode } from 'react';

/**
 * A table's frame: a table wider than the screen scrolls inside it, so the frame is a named region that
 * takes keyboard focus (arrow keys scroll it), as WCAG asks of scrollable content.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
