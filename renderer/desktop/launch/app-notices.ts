import { createNoticeStore } from '../../state/notices';

/**
 * Notices that belong to the app rather than to one board (a file handed to
 * the app that would not open), shown above whichever screen is up.
 */
export const appNotices = createNoticeStore();
