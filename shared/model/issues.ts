import type { z } from 'zod';

/** Enough issues to fix the value; a stroke of 10,000 bad points would otherwise make a 10,000-part message. */
const MAX_ISSUES_SHOWN = 3;

/** Zod's issues as one line naming each field: `style.fill: must be a colour #rrggbb; points[5]: ...`. */
export function describeIssues(error: z.ZodError, subject: string): string {
  const shown = error.issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((issue) => `${fieldPath(issue.path, subject)}: ${issue.message}`);
  const hidden = error.issues.length - shown.length;
  return hidden > 0 ? `${shown.join('; ')} (and ${hidden} more)` : shown.join('; ');
}

function fieldPath(path: readonly PropertyKey[], subject: string): string {
  if (path.length === 0) return subject;
  return path
    .map((key, position) => (typeof key === 'number' ? `[${key}]` : position === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
