import { ErrorBanner } from '../../ui/ErrorBanner';
import { appNotices } from './app-notices';

/** The app's own notices (a file handed to the app that would not open), along the bottom over any screen. */
export function AppNotices() {
  return (
    <div style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 20, fontFamily: 'system-ui, sans-serif' }}>
      <ErrorBanner notices={appNotices} />
    </div>
  );
}
