/** The home screen's look: a grid of cards, each with a thumbnail. */
export const HOME_CSS = `
.easel-home { font: 14px system-ui, sans-serif; padding: 24px; max-width: 1100px; margin: 0 auto; color: #1e1e1e; }
.easel-home button { font: inherit; padding: 5px 10px; border: 1px solid #ccc; border-radius: 6px; background: #fafafa; cursor: pointer; }
.easel-home button:hover { background: #eef3fb; }
.easel-home :focus-visible { outline: 2px solid #2f80ed; outline-offset: 2px; }
.easel-home .actions { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 16px; }
.easel-home .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; list-style: none; padding: 0; }
.easel-home .card { border: 1px solid #ddd; border-radius: 8px; background: #fff; overflow: hidden; display: flex; flex-direction: column; }
.easel-home .thumb { display: block; aspect-ratio: 16 / 10; background: #f4f4f2; width: 100%; object-fit: contain; }
.easel-home .card-body { padding: 8px 10px; display: flex; flex-direction: column; gap: 4px; }
.easel-home .card-name { font-weight: 600; color: inherit; text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.easel-home .card-name:hover { text-decoration: underline; }
.easel-home .muted { color: #666; font-size: 12px; }
.easel-home .card-actions { display: flex; gap: 6px; }
.easel-home .card-actions button { font-size: 12px; padding: 3px 8px; }
.easel-home .error { color: #b3261e; }
.easel-home .recent { list-style: none; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.easel-home .toast { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); background: #1e1e1e; color: #fff;
  padding: 10px 14px; border-radius: 8px; display: flex; gap: 12px; align-items: center; box-shadow: 0 4px 16px #0003; }
.easel-home .toast button { background: transparent; color: #8ab4f8; border-color: #8ab4f8; }
/* Dark, when <html data-theme="dark"> (renderer/theme/apply-theme.ts). */
html[data-theme='dark'] body { background: #121212; }
[data-theme='dark'] .easel-home { color: #e8e8e8; }
[data-theme='dark'] .easel-home a { color: #8ab4ff; }
[data-theme='dark'] .easel-home button { background: #232326; color: #e8e8e8; border-color: #3a3a40; }
[data-theme='dark'] .easel-home button:hover { background: #2f3542; }
[data-theme='dark'] .easel-home .card { background: #1c1c1f; border-color: #3a3a40; }
[data-theme='dark'] .easel-home .thumb { background: #f4f4f2; }
[data-theme='dark'] .easel-home .muted { color: #a0a0a8; }
`;
