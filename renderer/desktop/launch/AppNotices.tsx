import { ErrorBanner } from '../../ui/ErrorBanner';
import { UpdateNotice } from '../updates/UpdateNotice';
import { appNotices } from './app-notices';

/**
 * The app's own notices (a file handed to the app that would not open, an
 * update ready to install), along the bottom over any screen.
 */
export function AppNotices() {
  return (
    <div style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 20, fontFamily: 'system-ui, sans-serif' }}>
      <UpdateNotice />
      <ErrorBanner notices={appNotices} />
    </div>
  );
}
