/**
 * Style controls: each choice becomes the default for new shapes and is
 * applied to the selection in one board.transact (one undo step). Presets
 * rather than sliders, so a change is one write, not one per pixel dragged.
 */
import { useStore } from 'zustand';
import type { Shape } from '../../shared/model';
import type { BoardSession } from '../canvas/board-session';
import type { StyleDefaults } from '../state/ui-store';

const COLOURS = ['#1e1e1e', '#e03131', '#2f9e44', '#1971c2', '#f08c00', '#ffffff'];
const WIDTHS = [1, 2, 4, 8, 16];
const OPACITIES = [0.25, 0.5, 0.75, 1];
const FONT_SIZES = [12, 16, 20, 28, 40, 64];

type StylePatch = Partial<Pick<StyleDefaults, 'stroke' | 'fill' | 'strokeWidth' | 'opacity' | 'fontSize'>>;

function patchFor(shape: Shape, patch: StylePatch) {
  const { opacity, fontSize, ...style } = patch;
  return {
    ...(Object.keys(style).length > 0 ? { style: { ...shape.style, ...style } } : {}),
    ...(opacity === undefined ? {} : { opacity }),
    ...(fontSize !== undefined && (shape.type === 'text' || shape.type === 'note') ? { fontSize } : {}),
  };
}

export function StylePanel({ session }: { session: BoardSession }) {
  const { board, ui } = session;
  const style = useStore(ui, (s) => s.style);

  const apply = (patch: StylePatch) => {
    ui.getState().setStyle(patch);
    const shapes = ui.getState().selection.flatMap((id) => board.get(id) ?? []);
    if (shapes.length === 0) return;
    board.transact(() => {
      for (const shape of shapes) board.update(shape.id, patchFor(shape, patch));
    });
  };
  const swatch = (kind: 'stroke' | 'fill', colour: string) => (
    <button
      key={colour}
      type="button"
      className="swatch"
      aria-label={`${kind === 'stroke' ? 'Stroke' : 'Fill'} ${colour}`}
      title={`${kind === 'stroke' ? 'Stroke' : 'Fill'} ${colour}`}
      aria-pressed={style[kind] === colour}
      style={{ background: colour }}
      onClick={() => apply({ [kind]: colour })}
    />
  );
  return (
    <div role="group" aria-label="Style" className="easel-bar">
      {COLOURS.map((colour) => swatch('stroke', colour))}
      <span className="sep" />
      <button
        type="button"
        aria-label="No fill"
        aria-pressed={style.fill === 'none'}
        onClick={() => apply({ fill: 'none' })}
      >
        No fill
      </button>
      {COLOURS.map((colour) => swatch('fill', colour))}
      <span className="sep" />
      <label>
        Width
        <select value={style.strokeWidth} onChange={(e) => apply({ strokeWidth: Number(e.target.value) })}>
          {WIDTHS.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>
      <label>
        Opacity
        <select value={style.opacity} onChange={(e) => apply({ opacity: Number(e.target.value) })}>
          {OPACITIES.map((o) => (
            <option key={o} value={o}>
              {Math.round(o * 100)}%
            </option>
          ))}
        </select>
      </label>
      <label>
        Font
        <select value={style.fontSize} onChange={(e) => apply({ fontSize: Number(e.target.value) })}>
          {FONT_SIZES.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
