/**
 * Styles of the desktop-only screens (the share dialog, the join screen), in
 * one <style> element like renderer/ui/ui-styles.ts: the CSP allows inline
 * styles, and there is no CSS pipeline.
 */
export const DESKTOP_CSS = `
.easel-desktop { font: 14px system-ui, sans-serif; color: #1e1e1e; }
.easel-desktop h2 { font-size: 15px; margin: 16px 0 8px; }
.easel-desktop button, .easel-desktop input { font: inherit; padding: 4px 8px; border: 1px solid #ccc;
  border-radius: 6px; background: #fafafa; color: #1e1e1e; }
.easel-desktop button { cursor: pointer; }
.easel-desktop button:hover:not(:disabled) { background: #eef3fb; }
.easel-desktop button:disabled { opacity: 0.5; cursor: default; }
.easel-desktop button.primary { background: #2f80ed; border-color: #2f80ed; color: #fff; }
.easel-desktop :focus-visible { outline: 2px solid #2f80ed; outline-offset: 2px; }
.easel-desktop label { display: flex; flex-direction: column; gap: 2px; margin: 6px 0; }
.easel-desktop ul { list-style: none; padding: 0; margin: 0; }
.easel-desktop li { display: flex; gap: 8px; align-items: center; padding: 4px 0; flex-wrap: wrap; }
.easel-desktop .error { color: #b00020; }
.easel-desktop .note { color: #555; font-size: 13px; }
.easel-desktop .mark { font-size: 12px; padding: 1px 6px; border-radius: 8px; background: #eee; color: #444; }
.easel-desktop code { word-break: break-all; font-size: 12px; }
.easel-confirm { border: 1px solid #2f80ed; border-radius: 8px; padding: 8px 16px; margin: 12px 0;
  background: #f5f9ff; }
.easel-confirm dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0; }
.easel-confirm dd { margin: 0; }
.easel-backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.3); display: flex;
  align-items: flex-start; justify-content: center; padding-top: 48px; z-index: 100; }
.easel-dialog { background: #fff; border-radius: 10px; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.25);
  padding: 16px 20px; width: min(640px, 94vw); max-height: calc(100vh - 96px); overflow: auto; }
`;
