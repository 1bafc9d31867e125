import { contextBridge } from 'electron';

/**
 * The renderer's only door to the desktop (DESIGN §5). It grows one typed,
 * validated call at a time; for now the renderer only learns where it runs.
 */
contextBridge.exposeInMainWorld('easel', Object.freeze({ platform: 'desktop' as const }));
