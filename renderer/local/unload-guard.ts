/**
 * Asks the browser to confirm leaving the page while `atRisk()` says a change
 * would be lost by it. A change that is already stored on this device is not
 * at risk: it syncs the next time the board opens, so the page lets go
 * without asking. Returns the function that removes the guard.
 */
export function guardUnload(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, atRisk: () => boolean) {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!atRisk()) return;
    event.preventDefault();
    // Browsers before preventDefault() counted (Chrome < 119) look at this instead.
    event.returnValue = true;
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
