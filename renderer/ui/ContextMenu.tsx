/**
 * A popup menu of registry actions (entries from context-menu-model.ts),
 * opened at a point and kept inside the window (menu-placement.ts).
 *
 * It follows the WAI-ARIA menu pattern: role="menu" with role="menuitem"
 * entries, the first enabled item focused on open, arrow keys (and Home,
 * End) moving focus over enabled items, Enter or Space choosing, Escape or
 * Tab closing. A press anywhere outside, a wheel, a resize or the window
 * losing focus closes it too. Keys it handles stop here, so the board's
 * shortcuts (arrows nudge, Delete deletes) do not also run. The owner puts
 * focus back where it belongs when `onClose` or `onChoose` is called.
 */
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type ContextMenuEntry, nextEnabledIndex } from './context-menu-model';
import { placeMenu } from './menu-placement';

/** Space kept between the menu and the window's edges, px. */
const EDGE_MARGIN_PX = 4;

export interface ContextMenuProps {
  entries: readonly ContextMenuEntry[];
  /** Where it was opened, in window pixels. */
  at: { x: number; y: number };
  label: string;
  onChoose(id: string): void;
  onClose(): void;
}

export function ContextMenu({ entries, at, label, onChoose, onClose }: ContextMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLDivElement | null)[]>([]);
  const [active, setActive] = useState(() => nextEnabledIndex(entries, -1, 1));
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  // Placed once its size is known, before the browser paints it at the raw point.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    setPosition(
      placeMenu({
        at,
        menu: { width: menu.offsetWidth, height: menu.offsetHeight },
        window: { width: window.innerWidth, height: window.innerHeight },
        margin: EDGE_MARGIN_PX,
      }),
    );
  }, [at]);

  useEffect(() => {
    if (active >= 0) itemRefs.current[active]?.focus({ preventScroll: true });
    else menuRef.current?.focus({ preventScroll: true }); // nothing enabled: the menu itself takes the keys
  }, [active, position]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node && menuRef.current?.contains(e.target))) onClose();
    };
    const close = () => onClose();
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('wheel', close, true);
    window.addEventListener('resize', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('wheel', close, true);
      window.removeEventListener('resize', close);
      window.removeEventListener('blur', close);
    };
  }, [onClose]);

  const choose = (index: number) => {
    const entry = entries[index];
    if (entry?.kind === 'item' && entry.enabled) onChoose(entry.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (e.key === 'ArrowDown') setActive((from) => nextEnabledIndex(entries, from, 1));
    else if (e.key === 'ArrowUp') setActive((from) => nextEnabledIndex(entries, from, -1));
    else if (e.key === 'Home') setActive(nextEnabledIndex(entries, -1, 1));
    else if (e.key === 'End') setActive(nextEnabledIndex(entries, -1, -1));
    else if (e.key === 'Enter' || e.key === ' ') choose(active);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return; // other keys: nothing to prevent
    e.preventDefault();
  };

  return (
    <>
      <style>{CONTEXT_MENU_CSS}</style>
      <div
        ref={menuRef}
        role="menu"
        aria-label={label}
        aria-orientation="vertical"
        tabIndex={-1}
        className="easel-menu"
        style={{
          position: 'fixed',
          left: position?.left ?? at.x,
          top: position?.top ?? at.y,
          visibility: position ? 'visible' : 'hidden',
        }}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => e.preventDefault()}
      >
        {entries.map((entry, index) =>
          entry.kind === 'separator' ? (
            <div key={`separator-${index}`} role="separator" className="easel-menu-separator" />
          ) : (
            <div
              key={entry.id}
              ref={(el) => {
                itemRefs.current[index] = el;
              }}
              role={entry.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-label={entry.label} // the shortcut hint is aria-keyshortcuts, not part of the name
              aria-checked={entry.checked}
              aria-disabled={!entry.enabled || undefined}
              aria-keyshortcuts={entry.shortcut || undefined}
              tabIndex={-1}
              className="easel-menu-item"
              data-active={index === active || undefined}
              onPointerMove={() => entry.enabled && index !== active && setActive(index)}
              onClick={() => choose(index)}
            >
              <span>{entry.label}</span>
              {entry.shortcut && <span className="easel-menu-shortcut">{entry.shortcut}</span>}
            </div>
          ),
        )}
      </div>
    </>
  );
}

/** The menu's look, rendered with it (the CSP allows inline <style>, as ui-styles.ts uses). */
const CONTEXT_MENU_CSS = `
.easel-menu { z-index: 1000; min-width: 200px; padding: 4px; background: #fff; border: 1px solid #ddd;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.16); font: 13px system-ui, sans-serif;
  color: #1e1e1e; outline: none; user-select: none; }
.easel-menu-item { display: flex; justify-content: space-between; gap: 24px; padding: 5px 10px;
  border-radius: 5px; cursor: default; outline: none; }
.easel-menu-item[data-active] { background: #eef3fb; }
.easel-menu-item:focus-visible { outline: 2px solid #2f80ed; outline-offset: -2px; }
.easel-menu-item[aria-disabled='true'] { color: #a0a0a0; }
.easel-menu-shortcut { color: #8a8a8a; }
.easel-menu-separator { height: 1px; margin: 4px 6px; background: #e6e6e6; }
`;
