import { Link } from '../../routing/Link';
import { JOIN_PATH } from '../../routing/route';
import { desktopApi } from '../desktop-api';

/** "Join a session" on the home screen, in the desktop app only (a browser tab joins by opening a link). */
export function JoinSessionLink() {
  if (!desktopApi()) return null;
  return (
    <p>
      <Link to={JOIN_PATH}>Join a session</Link>
    </p>
  );
}
