/**
 * The few rules inline styles cannot express (:focus-visible, :hover). A
 * <style> element, which the CSP's style-src 'unsafe-inline' allows, keeps the
 * UI free of a CSS pipeline for now.
 */
export const UI_CSS = `
.easel-bar { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; padding: 6px 8px;
  background: #fff; border-bottom: 1px solid #ddd; font: 13px system-ui, sans-serif; }
.easel-bar button, .easel-bar select { font: inherit; padding: 4px 8px; border: 1px solid #ccc;
  border-radius: 6px; background: #fafafa; color: #1e1e1e; cursor: pointer; }
.easel-bar button:hover:not(:disabled) { background: #eef3fb; }
.easel-bar button[aria-pressed='true'] { background: #dce8fb; border-color: #2f80ed; }
.easel-bar button:disabled { opacity: 0.4; cursor: default; }
.easel-bar :focus-visible { outline: 2px solid #2f80ed; outline-offset: 2px; }
.easel-bar .swatch { width: 22px; height: 22px; padding: 0; border-radius: 50%; }
.easel-bar .sep { width: 1px; align-self: stretch; background: #ddd; margin: 0 4px; }
.easel-bar label { display: inline-flex; gap: 4px; align-items: center; }
/* The header never wraps: its content changes width as the status changes ("Saving… (1)" → "Saved"),
   and a header that wrapped differently would move the canvas under a pointer mid-gesture. */
header.easel-bar { flex-wrap: nowrap; white-space: nowrap; min-width: 0; }
header.easel-bar .shrink { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
`;
