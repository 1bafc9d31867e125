/**
 * The style panel, floating beside the canvas: labelled rows (Stroke, Fill,
 * Width, Dash, Opacity, Font, Align, Arrowheads, Route) for the selection, or for the
 * defaults of new shapes when nothing is selected; its heading says which. A
 * selection also gets the Arrange row (ArrangeSection.tsx).
 * What it shows and what a choice changes is style-model.ts. Presets rather
 * than sliders, so a change is one write, not one per pixel dragged.
 */
import { AlignCenter, AlignLeft, AlignRight, CornerDownRight, type LucideIcon, MoveRight, Palette } from 'lucide-react';
import { type ReactNode, useId, useState } from 'react';
import { useStore } from 'zustand';
import type { BoardSession } from '../canvas/board-session';
import { useBoardVersion } from '../canvas/hooks';
import { pageThemeStore } from '../theme/apply-theme';
import { canvasColours } from '../theme/canvas-colours';
import { ArrangeSection } from './ArrangeSection';
import { FILL_COLOURS, type NamedColour, STROKE_COLOURS } from './style/palette';
import { applyStyleChange, MIXED, type Mixed, type StyleChange, stylePanelModel } from './style/style-model';

const WIDTHS = [1, 2, 4, 8, 16];
const OPACITIES = [0.25, 0.5, 0.75, 1];
const FONT_SIZES = [12, 16, 20, 28, 40, 64];
const DASHES = [
  { dash: 'solid', label: 'Solid' },
  { dash: 'dashed', label: 'Dashed' },
  { dash: 'dotted', label: 'Dotted' },
] as const;

function Row({ label, mixed, children }: { label: string; mixed: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="easel-style-row">
      <span id={id} className="row-label">
        {label}
        {mixed && <span className="mixed"> · Mixed</span>}
      </span>
      <div className="row-choices">{children}</div>
    </div>
  );
}

function Swatches({
  colours,
  value,
  onPick,
}: {
  colours: readonly NamedColour[];
  value: string | Mixed;
  onPick: (value: string) => void;
}) {
  // Shown as the canvas paints them in this theme (a black stroke reads light on dark), named as chosen.
  const theme = useStore(pageThemeStore(), (s) => s.theme);
  const shown = canvasColours(theme);
  return colours.map((colour) => (
    <button
      key={colour.value}
      type="button"
      className={`swatch${colour.value === 'none' ? ' none' : ''}`}
      aria-label={colour.name}
      title={colour.name}
      aria-pressed={value === colour.value}
      style={colour.value === 'none' ? undefined : { background: shown(colour.value) }}
      onClick={() => onPick(colour.value)}
    />
  ));
}

function Choices<T extends string | boolean>({
  options,
  value,
  onPick,
}: {
  options: readonly { value: T; label: string; icon?: LucideIcon; preview?: ReactNode }[];
  value: T | Mixed;
  onPick: (value: T) => void;
}) {
  return options.map(({ value: option, label, icon: Icon, preview }) => (
    <button
      key={String(option)}
      type="button"
      className="choice"
      aria-label={label}
      title={label}
      aria-pressed={value === option}
      onClick={() => onPick(option)}
    >
      {Icon ? <Icon aria-hidden size={16} /> : preview}
    </button>
  ));
}

function Select({
  label,
  value,
  options,
  onPick,
}: {
  label: string;
  value: number | Mixed;
  options: readonly { value: number; label: string }[];
  onPick: (value: number) => void;
}) {
  return (
    <label className="easel-style-row select-row">
      <span className="row-label">{label}</span>
      <select value={value === MIXED ? '' : value} onChange={(e) => onPick(Number(e.target.value))}>
        {value === MIXED && (
          <option value="" disabled>
            Mixed
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A short line drawn in the dash style, as the button's picture. */
function DashPreview({ dash }: { dash: string }) {
  const pattern = dash === 'dashed' ? '5 3' : dash === 'dotted' ? '0.1 4' : undefined;
  return (
    <svg aria-hidden width="22" height="10" viewBox="0 0 22 10">
      <line
        x1="2"
        y1="5"
        x2="20"
        y2="5"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeDasharray={pattern}
      />
    </svg>
  );
}

export function StylePanel({ session }: { session: BoardSession }) {
  const { board, ui } = session;
  useBoardVersion(board);
  const selection = useStore(ui, (s) => s.selection);
  const style = useStore(ui, (s) => s.style);
  const tool = useStore(ui, (s) => s.tool);
  // Under 700 px wide the panel folds away behind its button (CSS decides when the button shows).
  const [open, setOpen] = useState(false);
  const shapes = selection.flatMap((id) => board.get(id) ?? []);
  const { scope, count, rows } = stylePanelModel(shapes, style, tool);
  const apply = (change: StyleChange) => applyStyleChange(board, ui.getState(), change);
  const heading = scope === 'selection' ? `Selection · ${count} ${count === 1 ? 'shape' : 'shapes'}` : 'New shapes';

  return (
    <div className="easel-style-dock">
      <button
        type="button"
        className="easel-float easel-icon easel-style-toggle"
        aria-expanded={open}
        aria-label="Style"
        onClick={() => setOpen(!open)}
      >
        <Palette aria-hidden size={18} />
      </button>
      <section role="group" aria-label="Style" className={`easel-float easel-style${open ? ' open' : ''}`}>
        <p className="scope" data-testid="style-scope">
          {heading}
        </p>
        {rows.stroke !== undefined && (
          <Row label="Stroke" mixed={rows.stroke === MIXED}>
            <Swatches colours={STROKE_COLOURS} value={rows.stroke} onPick={(stroke) => apply({ stroke })} />
          </Row>
        )}
        {rows.fill !== undefined && (
          <Row label="Fill" mixed={rows.fill === MIXED}>
            <Swatches colours={FILL_COLOURS} value={rows.fill} onPick={(fill) => apply({ fill })} />
          </Row>
        )}
        {rows.strokeWidth !== undefined && (
          <Select
            label="Width"
            value={rows.strokeWidth}
            options={WIDTHS.map((width) => ({ value: width, label: `${width} px` }))}
            onPick={(strokeWidth) => apply({ strokeWidth })}
          />
        )}
        {rows.dash !== undefined && (
          <Row label="Dash" mixed={rows.dash === MIXED}>
            <Choices
              options={DASHES.map(({ dash, label }) => ({
                value: dash,
                label,
                preview: <DashPreview dash={dash} />,
              }))}
              value={rows.dash}
              onPick={(dash) => apply({ dash })}
            />
          </Row>
        )}
        {rows.opacity !== undefined && (
          <Select
            label="Opacity"
            value={rows.opacity}
            options={OPACITIES.map((opacity) => ({ value: opacity, label: `${Math.round(opacity * 100)}%` }))}
            onPick={(opacity) => apply({ opacity })}
          />
        )}
        {rows.fontSize !== undefined && (
          <Select
            label="Font"
            value={rows.fontSize}
            options={FONT_SIZES.map((size) => ({ value: size, label: `${size} px` }))}
            onPick={(fontSize) => apply({ fontSize })}
          />
        )}
        {rows.align !== undefined && (
          <Row label="Align" mixed={rows.align === MIXED}>
            <Choices
              options={[
                { value: 'left', label: 'Align left', icon: AlignLeft },
                { value: 'center', label: 'Align centre', icon: AlignCenter },
                { value: 'right', label: 'Align right', icon: AlignRight },
              ]}
              value={rows.align}
              onPick={(align) => apply({ align })}
            />
          </Row>
        )}
        {(rows.arrowStart !== undefined || rows.arrowEnd !== undefined) && (
          <Row label="Arrowheads" mixed={rows.arrowStart === MIXED || rows.arrowEnd === MIXED}>
            <button
              type="button"
              className="choice"
              aria-pressed={rows.arrowStart === true}
              onClick={() => apply({ arrowStart: rows.arrowStart !== true })}
            >
              Start
            </button>
            <button
              type="button"
              className="choice"
              aria-pressed={rows.arrowEnd === true}
              onClick={() => apply({ arrowEnd: rows.arrowEnd !== true })}
            >
              End
            </button>
          </Row>
        )}
        {scope === 'selection' && <ArrangeSection session={session} />}
        {rows.route !== undefined && (
          <Row label="Route" mixed={rows.route === MIXED}>
            <Choices
              options={[
                { value: 'straight', label: 'Straight', icon: MoveRight },
                { value: 'elbow', label: 'Elbow', icon: CornerDownRight },
              ]}
              value={rows.route}
              onPick={(route) => apply({ route })}
            />
          </Row>
        )}
      </section>
    </div>
  );
}
