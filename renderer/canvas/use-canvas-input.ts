/**
 * DOM input → tools. Pointer events on the canvas container become
 * PointerInputs (`pointerAt`) for the ToolController; the wheel pans and
 * zooms; Space held or a middle-button drag pans with the hand tool whatever
 * tool is active; fingers pinch, pan and long-press first (touch-input.ts);
 * key presses go to the active tool (Shift/Alt constraints,
 * Esc) and then to the action registry (shortcuts). Copy, cut and paste come
 * from the page's clipboard events instead (use-clipboard-events.ts).
 */
import { type RefObject, useEffect, useState } from 'react';
import { type PointerKind, pointerAt, type Tool } from '../tools';
import type { BoardSession } from './board-session';
import { isTextEntry } from './text-entry';
import { TouchInput } from './touch-input';
import { panByWheel, wheelDeltaPx, zoomByWheel } from './viewport-math';

const POINTER_KINDS: readonly string[] = ['mouse', 'pen', 'touch'] satisfies PointerKind[];

/** Space on a focused button presses it; it must not start a pan. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (isTextEntry(target) || target.tagName === 'BUTTON');
}

/** Returns whether Space is held (the canvas shows a grab cursor). */
export function useCanvasInput(container: RefObject<HTMLDivElement | null>, session: BoardSession): boolean {
  const [spaceHeld, setSpaceHeld] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { controller, ui } = session;
    let space = false;
    /** The hand tool while a Space or middle-button pan runs; null routes to the active tool. */
    let panning: Tool | null = null;

    const toInput = (e: PointerEvent) => {
      const rect = el.getBoundingClientRect();
      const input = pointerAt(ui.getState().viewport, {
        screenX: e.clientX - rect.left,
        screenY: e.clientY - rect.top,
        pressure: e.pressure,
        pointerType: (POINTER_KINDS.includes(e.pointerType) ? e.pointerType : 'mouse') as PointerKind,
        button: Math.max(0, e.button), // moves report -1 ("no change")
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
      });
      session.lastPointer = { x: input.x, y: input.y };
      return input;
    };
    // The inline editor sits inside the container; its clicks are the textarea's own.
    const fromEditor = (e: Event) => e.target instanceof Element && e.target.closest('textarea') !== null;
    const local = (e: PointerEvent) => {
      const rect = el.getBoundingClientRect();
      return { x: e.clientX - rect.left, y: e.clientY - rect.top };
    };
    // Pinch, two-finger pan, long press and palm rejection take touch events before the tools do.
    const touch = new TouchInput({
      cancelTool: () => controller.cancel(),
      viewport: () => ui.getState().viewport,
      setViewport: (viewport) => ui.getState().setViewport(viewport),
      // The board's context menu listens for contextmenu: a long press sends it one at the finger.
      openContextMenu: (clientX, clientY) =>
        el.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX, clientY })),
    });
    // The browser's own long-press menu (Chrome on Android) would open a second one.
    const onNativeContextMenu = (e: MouseEvent) => {
      if (e.isTrusted && e.button !== 2 && touch.touchedRecently()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };

    const onDown = (e: PointerEvent) => {
      if (fromEditor(e)) return;
      if (touch.down(e, local(e)) === 'taken') {
        el.setPointerCapture(e.pointerId);
        return;
      }
      if (!e.isPrimary) return;
      // A press outside the open editor commits it first: the browser would blur it only after
      // this handler, and the select tool ends the edit on pointer-down, which would drop the text.
      const active = document.activeElement;
      const endsEdit = active instanceof HTMLTextAreaElement && el.contains(active);
      if (endsEdit) active.blur();
      // A press on the board ends a text selection elsewhere on the page, which would otherwise keep Ctrl+C.
      document.getSelection()?.removeAllRanges();
      el.setPointerCapture(e.pointerId);
      const input = { ...toInput(e), endsEdit };
      if (e.button === 1 || (space && e.button === 0)) {
        e.preventDefault(); // middle click would start autoscroll
        panning = controller.tools.hand;
        panning.pointerDown({ ...input, button: 0 });
      } else controller.pointerDown(input);
    };
    const onMove = (e: PointerEvent) => {
      if (fromEditor(e) || touch.move(e, local(e)) === 'taken' || !e.isPrimary) return;
      const input = toInput(e);
      if (panning) panning.pointerMove(input);
      else controller.pointerMove(input);
    };
    const onUp = (e: PointerEvent) => {
      if (fromEditor(e)) return;
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      if (touch.up(e) === 'taken' || !e.isPrimary) return;
      const input = toInput(e);
      if (panning) {
        panning.pointerUp({ ...input, button: 0 });
        panning = null;
      } else controller.pointerUp(input);
    };
    const onCancel = (e: PointerEvent) => {
      if (touch.up(e) === 'taken' || !e.isPrimary) return;
      if (panning) panning = null;
      else controller.cancel();
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault(); // the page must not scroll or browser-zoom under the board
      const rect = el.getBoundingClientRect();
      const dx = wheelDeltaPx(e.deltaX, e.deltaMode, rect.width);
      const dy = wheelDeltaPx(e.deltaY, e.deltaMode, rect.height);
      const { viewport, setViewport } = ui.getState();
      const screen = { x: e.clientX - rect.left, y: e.clientY - rect.top };
      setViewport(e.ctrlKey || e.metaKey ? zoomByWheel(viewport, screen, dy) : panByWheel(viewport, dx, dy));
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === ' ' && !isControl(e.target) && ui.getState().editingId === null) {
        e.preventDefault(); // no page scroll
        if (!space) setSpaceHeld((space = true));
        return;
      }
      if (isTextEntry(e.target) && e.key !== 'Escape') return;
      if (e.key === 'Enter' && isControl(e.target)) return; // a focused button's Enter presses it, not "edit text"
      controller.keyDown(e);
      if (session.registry.handleKeyDown(e, session.actions)) e.preventDefault();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ') setSpaceHeld((space = false));
      if (!isTextEntry(e.target)) controller.keyUp(e);
    };
    // Keys released while another window had focus never arrive: drop what they held.
    const onBlur = () => {
      setSpaceHeld((space = false));
      if (panning) panning = null;
    };

    el.addEventListener('contextmenu', onNativeContextMenu, true);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onCancel);
    el.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      touch.dispose();
      el.removeEventListener('contextmenu', onNativeContextMenu, true);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onCancel);
      el.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [container, session]);

  return spaceHeld;
}
