/**
 * Where the board's pixels changed, by version, so a snapshot painted at
 * version v repaints only the regions changed since (docs/ARCHITECTURE.md#canvas).
 * Every change of the index bumps the version once and adds the old and new
 * bounds of each shape it touched. Bounded: past MAX_ENTRIES the oldest are
 * dropped, and a reader that far behind gets null (repaint everything), as
 * after a bulk load.
 */
import type { Box } from '../../shapes';

const MAX_ENTRIES = 512;

export class DirtyLog {
  private boxes: Box[] = [];
  private versions: number[] = [];
  /** A reader at a version below this one has missed entries: it repaints everything. */
  private floor = 0;
  private current = 0;

  get version(): number {
    return this.current;
  }

  /** Starts the next version; the boxes added until the next bump belong to it. */
  bump(): number {
    return ++this.current;
  }

  add(box: Box): void {
    this.boxes.push(box);
    this.versions.push(this.current);
    if (this.boxes.length > MAX_ENTRIES) {
      // Drop a quarter at once, so the copy happens once per many adds.
      const drop = MAX_ENTRIES / 4;
      this.floor = this.versions[drop - 1] ?? this.floor;
      this.boxes = this.boxes.slice(drop);
      this.versions = this.versions.slice(drop);
    }
  }

  /** Everything changed at the current version (a bulk load): readers behind it repaint whole. */
  addEverything(): void {
    this.floor = this.current;
    this.boxes = [];
    this.versions = [];
  }

  /** The regions changed after `version`; null when the log no longer reaches back that far. */
  since(version: number): Box[] | null {
    if (version < this.floor) return null;
    let from = this.versions.length;
    while (from > 0 && (this.versions[from - 1] ?? 0) > version) from--;
    return this.boxes.slice(from);
  }
}
