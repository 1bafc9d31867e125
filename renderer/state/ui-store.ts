import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectorRoute, DashStyle, TextAlign } from '../../shared/model';

/**
 * UI-only state (docs/ARCHITECTURE.md#where-state-lives): which tool is active, what is selected, the style
 * new shapes get, and the viewport. The board itself lives in the Y.Doc and
 * presence in awareness; nothing here is shared with other people.
 *
 * A vanilla store, so tools, actions and tests use it without React; the UI
 * subscribes through zustand's `useStore`.
 */
export const TOOL_IDS = [
  'select',
  'hand',
  'pen',
  'rect',
  'ellipse',
  'line',
  'arrow',
  'text',
  'note',
  'eraser',
  'frame',
  'laser',
] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export interface StyleDefaults {
  stroke: string;
  fill: string;
  strokeWidth: number;
  dash: DashStyle;
  opacity: number;
  fontSize: number;
  align: TextAlign;
  arrowheads: { start: boolean; end: boolean };
  /** How new lines and arrows run: straight, or elbow (orthogonal segments). */
  route: ConnectorRoute;
  noteColor: string;
}

/** Board coordinates at the top-left of the screen, and screen pixels per board unit. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 8;

export interface UiState {
  tool: ToolId;
  /** Selected shape ids, in selection order. */
  selection: readonly string[];
  /** The text or note being edited inline, if any. */
  editingId: string | null;
  style: StyleDefaults;
  viewport: Viewport;
  /** The group a double-click entered: clicks inside it select its members (tools/select/group-selection.ts). */
  focusedGroup: string | null;
  gridVisible: boolean;
  /** Moves and new shapes land on the grid's lines (view-prefs.ts remembers it with the grid). */
  snapToGrid: boolean;
  /** Tool lock (Q): a drawing tool stays active after each shape instead of handing back to select. */
  toolLocked: boolean;
  /** The keyboard shortcuts dialog is open. */
  helpOpen: boolean;
  /**
   * Whether this person may change the board (the relay says: editor or
   * viewer). Every command and tool reads it (renderer/actions/view-only.ts).
   */
  canEdit: boolean;
  /** The frame list panel is open (renderer/ui/FrameList.tsx). */
  frameListOpen: boolean;
  /** The frame shown full screen while presenting (renderer/frames/presentation.ts); null when not presenting. */
  presenting: string | null;
  /** The frame whose name is being edited in place, if any. */
  renamingFrameId: string | null;
  setTool(tool: ToolId): void;
  select(ids: readonly string[]): void;
  setEditing(id: string | null): void;
  setStyle(patch: Partial<StyleDefaults>): void;
  setViewport(viewport: Viewport): void;
  enterGroup(group: string | null): void;
  toggleGrid(): void;
  toggleSnapToGrid(): void;
  toggleToolLock(): void;
  setHelpOpen(open: boolean): void;
  setFrameListOpen(open: boolean): void;
  setPresenting(frameId: string | null): void;
  setRenamingFrame(frameId: string | null): void;
  /** Becoming a viewer drops a drawing tool for select and ends an inline edit. */
  setCanEdit(canEdit: boolean): void;
}

/** The tools a viewer keeps: they change nothing. */
export const VIEWING_TOOLS: readonly ToolId[] = ['select', 'hand', 'laser'];

export const DEFAULT_STYLE: StyleDefaults = {
  stroke: '#1e1e1e',
  fill: 'none',
  strokeWidth: 2,
  dash: 'solid',
  opacity: 1,
  fontSize: 20,
  align: 'left',
  arrowheads: { start: false, end: true },
  route: 'straight',
  noteColor: '#fff3a3',
};

export type UiStore = StoreApi<UiState>;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function createUiStore(
  initial: Partial<Pick<UiState, 'tool' | 'style' | 'viewport' | 'gridVisible' | 'snapToGrid'>> = {},
): UiStore {
  return createStore<UiState>()((set) => ({
    tool: initial.tool ?? 'select',
    selection: [],
    editingId: null,
    style: initial.style ?? DEFAULT_STYLE,
    viewport: initial.viewport ?? { x: 0, y: 0, zoom: 1 },
    focusedGroup: null,
    gridVisible: initial.gridVisible ?? false,
    snapToGrid: initial.snapToGrid ?? false,
    toolLocked: false,
    helpOpen: false,
    canEdit: true,
    frameListOpen: false,
    presenting: null,
    renamingFrameId: null,
    // Switching tools ends any inline edit; the selection stays for select only.
    setTool: (tool) =>
      set((state) => ({
        tool,
        editingId: null,
        selection: tool === 'select' ? state.selection : [],
        focusedGroup: tool === 'select' ? state.focusedGroup : null,
      })),
    select: (ids) => set({ selection: [...new Set(ids)] }),
    setEditing: (editingId) => set({ editingId }),
    setStyle: (patch) => set((state) => ({ style: { ...state.style, ...patch } })),
    setViewport: (viewport) => set({ viewport: { ...viewport, zoom: clampZoom(viewport.zoom) } }),
    enterGroup: (focusedGroup) => set({ focusedGroup }),
    toggleGrid: () => set((state) => ({ gridVisible: !state.gridVisible })),
    toggleSnapToGrid: () => set((state) => ({ snapToGrid: !state.snapToGrid })),
    toggleToolLock: () => set((state) => ({ toolLocked: !state.toolLocked })),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setFrameListOpen: (frameListOpen) => set({ frameListOpen }),
    setPresenting: (presenting) => set({ presenting }),
    setRenamingFrame: (renamingFrameId) => set({ renamingFrameId }),
    setCanEdit: (canEdit) =>
      set((state) =>
        canEdit || state.canEdit === canEdit
          ? { canEdit }
          : {
              canEdit,
              editingId: null,
              renamingFrameId: null,
              tool: VIEWING_TOOLS.includes(state.tool) ? state.tool : 'select',
            },
      ),
  }));
}
