/**
 * The board's CSS: the few rules inline styles cannot express (:hover,
 * :focus-visible, media queries) and the colours as custom properties, so
 * one set of rules serves the light and the dark theme. A <style> element,
 * which the CSP's style-src 'unsafe-inline' allows, keeps the UI free of a
 * CSS pipeline.
 */
export const UI_CSS = `
.easel-board { --easel-bg: #fdfdfc; --easel-panel: #ffffff; --easel-text: #1e1e1e; --easel-muted: #6b6b6b;
  --easel-border: #dcdcdc; --easel-hover: #eef3fb; --easel-pressed: #dce8fb; --easel-accent: #2f80ed;
  --easel-shadow: 0 1px 4px rgba(0, 0, 0, 0.12), 0 0 0 1px rgba(0, 0, 0, 0.04); --easel-tip-bg: #1e1e1e;
  --easel-tip-text: #ffffff; --easel-target: 32px;
  color: var(--easel-text); background: var(--easel-bg); color-scheme: light; }
/* Dark: the page follows <html data-theme> (renderer/theme/apply-theme.ts); the canvas maps board colours itself. */
[data-theme='dark'] .easel-board { --easel-bg: #121212; --easel-panel: #232326; --easel-text: #e8e8e8;
  --easel-muted: #a0a0a8; --easel-border: #3a3a40; --easel-hover: #2f3542; --easel-pressed: #27406b;
  --easel-accent: #5b9dff; --easel-shadow: 0 1px 4px rgba(0, 0, 0, 0.6), 0 0 0 1px rgba(255, 255, 255, 0.06);
  --easel-tip-bg: #e8e8e8; --easel-tip-text: #121212; color-scheme: dark; }
[data-theme='dark'] .easel-menu { background: #232326; border-color: #3a3a40; color: #e8e8e8; }
[data-theme='dark'] .easel-menu-item[data-active] { background: #2f3542; }
[data-theme='dark'] .easel-board a { color: #8ab4ff; }
.easel-bar { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; padding: 6px 8px;
  background: var(--easel-panel); border-bottom: 1px solid var(--easel-border); font: 13px system-ui, sans-serif; }
.easel-bar button, .easel-bar select, .easel-float button, .easel-float select { font: inherit; padding: 4px 8px;
  border: 1px solid var(--easel-border); border-radius: 6px; background: var(--easel-panel); color: var(--easel-text);
  cursor: pointer; }
.easel-bar button:hover:not(:disabled), .easel-float button:hover:not(:disabled) { background: var(--easel-hover); }
.easel-bar button[aria-pressed='true'], .easel-float button[aria-pressed='true'] { background: var(--easel-pressed);
  border-color: var(--easel-accent); }
.easel-bar button:disabled, .easel-float button:disabled { opacity: 0.4; cursor: default; }
.easel-bar :focus-visible, .easel-float :focus-visible { outline: 2px solid var(--easel-accent); outline-offset: 2px; }
.easel-bar .swatch { width: 22px; height: 22px; padding: 0; border-radius: 50%; }
.easel-bar .sep, .easel-float .sep { width: 1px; align-self: stretch; background: var(--easel-border); margin: 0 4px; }
.easel-bar label { display: inline-flex; gap: 4px; align-items: center; }
/* The header never wraps: its content changes width as the status changes ("Saving… (1)" → "Saved"),
   and a header that wrapped differently would move the canvas under a pointer mid-gesture. */
header.easel-bar { flex-wrap: nowrap; white-space: nowrap; min-width: 0; }
header.easel-bar .shrink { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.easel-bar .icon-text { display: inline-flex; gap: 4px; align-items: center; }
header.easel-bar a.icon-text { min-height: var(--easel-target); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

/* The canvas and the chrome floating over it. The layer lets clicks through to the canvas except on panels. */
.easel-stage { position: relative; flex: 1; min-height: 0; display: flex; flex-direction: column; }
.easel-overlay { position: absolute; inset: 0; pointer-events: none; font: 13px system-ui, sans-serif; }
.easel-overlay > * { pointer-events: auto; }
.easel-frame-list { position: absolute; left: 8px; top: 64px; width: 240px; max-height: calc(100% - 128px); overflow: auto; }
.easel-frame-list li > button:first-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.easel-presenting-offer { position: absolute; left: 50%; top: 64px; transform: translateX(-50%); }
.easel-presentation-bar { position: absolute; left: 50%; bottom: 12px; transform: translateX(-50%); opacity: 0.85; }
.easel-board[data-presenting] .easel-bar, .easel-board[data-presenting] .easel-overlay { display: none; }
.easel-float { background: var(--easel-panel); border-radius: 10px; box-shadow: var(--easel-shadow); padding: 4px; }
.easel-row { display: flex; gap: 2px; align-items: center; }
.easel-corner { position: absolute; display: flex; gap: 8px; align-items: center; }
.easel-corner.bottom-left { left: 8px; bottom: 8px; }
.easel-corner.bottom-right { right: 8px; bottom: 8px; }
.easel-corner.top-right { right: 8px; top: 8px; align-items: flex-start; max-height: calc(100% - 64px); }
.easel-dock.top-centre { position: absolute; top: 8px; left: 50%; transform: translateX(-50%); max-width: calc(100% - 16px); }
.easel-toolbar { overflow-x: auto; scrollbar-width: none; }

/* The style panel: labelled rows of swatches, choices and selects. */
.easel-style-dock { display: flex; flex-direction: column; align-items: flex-end; gap: 8px; max-height: 100%; }
.easel-style { width: 240px; padding: 8px 10px; overflow-y: auto; max-height: 100%; box-sizing: border-box; }
.easel-style .scope { margin: 0 0 6px; font-weight: 600; color: var(--easel-muted); }
.easel-style-row { display: flex; flex-direction: column; gap: 4px; margin: 6px 0; }
.easel-style-row.select-row { flex-direction: row; align-items: center; justify-content: space-between; }
.easel-style .row-label { font-size: 12px; color: var(--easel-muted); }
.easel-style .row-label .mixed { font-style: italic; }
.easel-style .row-choices { display: flex; flex-wrap: wrap; gap: 4px; }
.easel-style .swatch { width: 22px; height: 22px; padding: 0; border-radius: 50%; border: 1px solid var(--easel-border); }
.easel-style .swatch.none { background: linear-gradient(135deg, transparent 45%, #e03131 45%, #e03131 55%, transparent 55%); }
.easel-style .swatch[aria-pressed='true'] { box-shadow: 0 0 0 2px var(--easel-panel), 0 0 0 4px var(--easel-accent); }
.easel-style .choice { min-width: 32px; height: 28px; padding: 0 6px; display: inline-flex; align-items: center;
  justify-content: center; }
.easel-style select { min-width: 96px; }
.easel-style-toggle { display: none !important; width: var(--easel-target); height: var(--easel-target);
  align-items: center; justify-content: center; border: none; color: var(--easel-text); cursor: pointer; }

/* Hints on an empty board: light, centred, never in the way of a click. */
.easel-hints { position: absolute; top: 50%; left: 50%; transform: translate(-50%, -50%); pointer-events: none;
  max-width: min(420px, calc(100% - 32px)); text-align: center; color: var(--easel-muted); font: 14px/1.5 system-ui,
  sans-serif; opacity: 0.85; }
.easel-hints p { margin: 0 0 8px; }
.easel-hints kbd, .easel-shortcuts kbd { font: 12px ui-monospace, monospace; padding: 1px 5px; border-radius: 4px;
  border: 1px solid var(--easel-border); background: var(--easel-panel); color: var(--easel-text); }

/* The keyboard shortcuts dialog. */
.easel-shortcuts { border: none; border-radius: 12px; padding: 0; width: min(720px, calc(100% - 32px));
  max-height: calc(100% - 64px); background: var(--easel-panel); color: var(--easel-text);
  box-shadow: 0 8px 32px rgba(0, 0, 0, 0.25); font: 13px system-ui, sans-serif; }
.easel-shortcuts::backdrop { background: rgba(0, 0, 0, 0.3); }
.easel-shortcuts-body { padding: 16px 20px; }
.easel-shortcuts header { display: flex; justify-content: space-between; align-items: center; }
.easel-shortcuts h2 { margin: 0; font-size: 18px; }
.easel-shortcuts h3 { margin: 12px 0 4px; font-size: 13px; color: var(--easel-muted); }
.easel-shortcuts-groups { columns: 2 260px; column-gap: 24px; }
.easel-shortcuts section { break-inside: avoid; }
.easel-shortcuts table { width: 100%; border-collapse: collapse; }
.easel-shortcuts th { text-align: left; font-weight: normal; padding: 2px 8px 2px 0; }
.easel-shortcuts td { text-align: right; white-space: nowrap; padding: 2px 0; }
.easel-shortcuts .easel-icon { border: none; background: transparent; color: inherit; cursor: pointer;
  width: var(--easel-target); height: var(--easel-target); }

/* Compact chrome under 700 px: tools along the bottom, zoom at the top-left, style behind its button. */
@media (max-width: 699px) {
  .easel-dock.top-centre { top: auto; bottom: 8px; left: 8px; right: 8px; transform: none; display: flex; justify-content: center; }
  .easel-corner.bottom-left { bottom: auto; top: 8px; }
  .easel-corner.bottom-right { right: 8px; bottom: 8px; }
.easel-corner.top-right { max-height: calc(100% - 72px); }
  .easel-style-toggle { display: inline-flex !important; }
  .easel-style:not(.open) { display: none; }
  .easel-zoom-level { min-width: 48px !important; }
  .easel-board .hide-compact { display: none; }
  /* The board's name goes before everything else in the header but the status. */
  header.easel-bar .board-title { min-width: 7em; flex-shrink: 0; }
  /* What does not fit (Copy link, File on a phone) scrolls into view rather than being cut off. */
  header.easel-bar { overflow-x: auto; scrollbar-width: none; }
  /* Help and dark mode beside the style button, clear of the tools along the bottom. */
  .easel-corner.bottom-right { bottom: auto; top: 8px; right: calc(var(--easel-target) + 24px); }
}
/* Fingers need bigger targets than a mouse: 44 px, as Apple's and Google's guidelines say. */
@media (pointer: coarse) {
  .easel-board { --easel-target: 44px; }
  .easel-style .swatch, .easel-style .choice { min-width: 44px; height: 44px; }
  .easel-style select { min-height: 44px; }
  .easel-bar button, .easel-bar select { min-height: 44px; }
}
.easel-float .easel-icon { position: relative; display: inline-flex; align-items: center; justify-content: center;
  min-width: var(--easel-target); height: var(--easel-target); padding: 0 6px; border-color: transparent;
  background: transparent; }
.easel-zoom-level { min-width: 56px !important; font-variant-numeric: tabular-nums; }

/* Tooltips: an element per button (role tooltip), shown on hover and on keyboard focus. */
.easel-tip { position: absolute; z-index: 20; display: none; gap: 6px; align-items: center; white-space: nowrap;
  padding: 4px 8px; border-radius: 6px; background: var(--easel-tip-bg); color: var(--easel-tip-text);
  font: 12px system-ui, sans-serif; pointer-events: none; }
.easel-tip kbd { font: inherit; opacity: 0.75; }
.easel-icon:hover > .easel-tip, .easel-icon:focus-visible > .easel-tip { display: inline-flex; }
.tip-below { top: calc(100% + 6px); left: 50%; transform: translateX(-50%); }
.tip-above { bottom: calc(100% + 6px); left: 50%; transform: translateX(-50%); }
.tip-left { right: calc(100% + 6px); top: 50%; transform: translateY(-50%); }
.tip-right { left: calc(100% + 6px); top: 50%; transform: translateY(-50%); }
`;
