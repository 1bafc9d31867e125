import type { ShareAddress } from '../../../shared/desktop';
import { CopyButton } from './CopyButton';
import { orderAddresses } from './share-model';

/**
 * The join links of each LAN address, likeliest first: the browser link and
 * the desktop app link, each with Copy and "Show QR code". Container and VM
 * bridges come last and say so.
 */
export function ShareLinks({
  addresses,
  qrLink,
  onShowQr,
}: {
  addresses: readonly ShareAddress[];
  qrLink: string | null;
  onShowQr: (link: string) => void;
}) {
  if (addresses.length === 0) {
    return (
      <p className="error" role="alert">
        This computer has no network address others can reach. Connect to a network and share again.
      </p>
    );
  }
  return (
    <ul data-testid="share-addresses">
      {orderAddresses(addresses).map((address) => (
        <li
          key={`${address.interfaceName} ${address.address}`}
          data-testid="share-address"
          data-address={address.address}
          style={{ flexDirection: 'column', alignItems: 'stretch', borderTop: '1px solid #eee' }}
        >
          <div>
            <strong>{address.address}</strong> <span className="note">({address.interfaceName})</span>{' '}
            {address.virtual && (
              <span className="mark" data-testid="share-address-virtual">
                virtual network: guests probably cannot reach it
              </span>
            )}
          </div>
          <LinkRow
            kind="Browser link"
            link={address.joinUrl}
            testId="share-join-url"
            qrShown={qrLink === address.joinUrl}
            onShowQr={onShowQr}
          />
          <LinkRow
            kind="Desktop app link"
            link={address.easelUrl}
            testId="share-easel-url"
            qrShown={qrLink === address.easelUrl}
            onShowQr={onShowQr}
          />
        </li>
      ))}
    </ul>
  );
}

function LinkRow({
  kind,
  link,
  testId,
  qrShown,
  onShowQr,
}: {
  kind: string;
  link: string;
  testId: string;
  qrShown: boolean;
  onShowQr: (link: string) => void;
}) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <span className="note" style={{ minWidth: 110 }}>
        {kind}
      </span>
      <code data-testid={testId} style={{ flex: '1 1 240px' }}>
        {link}
      </code>
      <CopyButton text={link} label={`${kind} ${link}`} />
      <button
        type="button"
        aria-pressed={qrShown}
        aria-label={`Show QR code of ${link}`}
        onClick={() => onShowQr(link)}
      >
        QR
      </button>
    </div>
  );
}
