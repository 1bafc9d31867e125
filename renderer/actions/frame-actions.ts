/**
 * Frame commands (docs/ARCHITECTURE.md#frames): export the selected frame,
 * rename it, open the frame list, and present the frames one at a time full
 * screen. Presenting and the list only look, so a viewer has them too.
 */
import { boardFrames, exportFrameAs, presentFrame, selectedFrame, steppedFrame } from '../frames/frame-commands';
import { failureNotice } from '../state/notices';
import type { Action, ActionContext } from './action';

function hasSelectedFrame(ctx: ActionContext): boolean {
  return selectedFrame(ctx) !== undefined;
}

function exportAction(id: string, label: string, format: 'png' | 'svg'): Action {
  const action: Action = {
    id,
    label,
    group: 'file',
    shortcuts: [],
    enabled: hasSelectedFrame,
    async perform(ctx) {
      const frame = selectedFrame(ctx);
      if (!frame) return;
      try {
        await exportFrameAs(ctx, frame.id, format);
      } catch (error) {
        ctx.notify(failureNotice(action.label, error));
      }
    },
  };
  return action;
}

const renameFrame: Action = {
  id: 'edit.renameFrame',
  label: 'Rename frame',
  group: 'edit',
  shortcuts: [],
  enabled: hasSelectedFrame,
  perform(ctx) {
    const frame = selectedFrame(ctx);
    if (frame) ctx.ui.getState().setRenamingFrame(frame.id);
  },
};

const frameList: Action = {
  id: 'view.frameList',
  label: 'Frame list',
  group: 'view',
  shortcuts: [{ key: 'f', shift: true }],
  checked: (ctx) => ctx.ui.getState().frameListOpen,
  perform(ctx) {
    const ui = ctx.ui.getState();
    ui.setFrameListOpen(!ui.frameListOpen);
  },
};

/** Starts at the selected frame (or the one holding the selection), else at the first. */
const present: Action = {
  id: 'view.present',
  label: 'Present frames',
  group: 'view',
  shortcuts: [{ key: 'F5' }],
  enabled: (ctx) => ctx.ui.getState().presenting === null && boardFrames(ctx.board).length > 0,
  perform(ctx) {
    const start = selectedFrame(ctx) ?? boardFrames(ctx.board)[0];
    if (start) presentFrame(ctx, start.id);
  },
};

function stepAction(id: string, label: string, step: 1 | -1, key: string): Action {
  return {
    id,
    label,
    group: 'view',
    // The arrow keys and space also step while presenting (ui/Presentation.tsx takes them first).
    shortcuts: [{ key }],
    enabled: (ctx) => ctx.ui.getState().presenting !== null,
    perform(ctx) {
      const next = steppedFrame(ctx, step);
      if (next) presentFrame(ctx, next.id);
    },
  };
}

const stopPresenting: Action = {
  id: 'view.stopPresenting',
  label: 'Stop presenting',
  group: 'view',
  shortcuts: [],
  enabled: (ctx) => ctx.ui.getState().presenting !== null,
  perform: (ctx) => ctx.ui.getState().setPresenting(null),
};

export function createFrameActions(): Action[] {
  return [
    exportAction('file.exportFramePng', 'Export frame as PNG', 'png'),
    exportAction('file.exportFrameSvg', 'Export frame as SVG', 'svg'),
    renameFrame,
    frameList,
    present,
    stepAction('view.nextFrame', 'Next frame', 1, 'PageDown'),
    stepAction('view.previousFrame', 'Previous frame', -1, 'PageUp'),
    stopPresenting,
  ];
}
