import type { Session } from 'electron';
import { isPermissionAllowed, type PermissionPolicy } from './web-policy';

/**
 * The session's permission request and check handlers, both answered by the
 * tested policy in web-policy.ts. Chromium checks first and asks only when a
 * check says no, so both must agree.
 */
export function installPermissionHandlers(session: Session, policy: PermissionPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, answer, details) =>
    answer(
      isPermissionAllowed(
        { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame },
        policy,
      ),
    ),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed({ permission, requestingUrl: requestingOrigin, isMainFrame: details.isMainFrame }, policy),
  );
}
