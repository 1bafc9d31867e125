import type { ShareAddress } from '../../../shared/desktop';
import { CopyButton } from './CopyButton';
import type { OfferedLink } from './link-passes';

/**
 * The Edit link and the View link of this board, for one of this computer's
 * network addresses (the likeliest first; pick another when there are
 * several): each as a browser link and a desktop app link, with Copy and
 * "Show QR code". Container and VM bridges come last and say so.
 */
export function ShareLinks({
  ordered,
  address,
  onPickAddress,
  offered,
  qrLink,
  onShowQr,
}: {
  /** This computer's addresses, likeliest first (share-model.ts orderAddresses). */
  ordered: readonly ShareAddress[];
  address: ShareAddress | undefined;
  onPickAddress: (address: string) => void;
  /** The links for `address`; null while the passes are being made. */
  offered: readonly OfferedLink[] | null;
  qrLink: string | null;
  onShowQr: (link: string) => void;
}) {
  if (!address) {
    return (
      <p className="error" role="alert">
        This computer has no network address others can reach. Connect to a network and share again.
      </p>
    );
  }
  return (
    <section data-testid="share-address" data-address={address.address}>
      {ordered.length > 1 && (
        <label>
          Network{' '}
          <select
            data-testid="share-address-select"
            value={address.address}
            onChange={(event) => onPickAddress(event.target.value)}
          >
            {ordered.map((each) => (
              <option key={`${each.interfaceName} ${each.address}`} value={each.address}>
                {each.address} ({each.interfaceName}){each.virtual ? ' — virtual network' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {address.virtual && (
        <p className="note" data-testid="share-address-virtual">
          {address.address} is a virtual network: guests probably cannot reach it.
        </p>
      )}
      {offered === null ? (
        <p className="note">Making the links…</p>
      ) : (
        offered.map((link) => <LinkBlock key={link.role} link={link} qrLink={qrLink} onShowQr={onShowQr} />)
      )}
    </section>
  );
}

function LinkBlock({
  link,
  qrLink,
  onShowQr,
}: {
  link: OfferedLink;
  qrLink: string | null;
  onShowQr: (link: string) => void;
}) {
  const testId = link.role === 'editor' ? 'share-edit-link' : 'share-view-link';
  return (
    <div data-testid={testId} style={{ borderTop: '1px solid #eee', padding: '6px 0' }}>
      <div>
        <strong>{link.label}</strong> <span className="note">{link.note}</span>
      </div>
      <LinkRow
        kind={`${link.label}, browser`}
        link={link.http}
        testId="share-join-url"
        qrLink={qrLink}
        onShowQr={onShowQr}
      />
      <LinkRow
        kind={`${link.label}, desktop app`}
        link={link.easel}
        testId="share-easel-url"
        qrLink={qrLink}
        onShowQr={onShowQr}
      />
    </div>
  );
}

function LinkRow({
  kind,
  link,
  testId,
  qrLink,
  onShowQr,
}: {
  kind: string;
  link: string;
  testId: string;
  qrLink: string | null;
  onShowQr: (link: string) => void;
}) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <code data-testid={testId} style={{ flex: '1 1 240px' }}>
        {link}
      </code>
      <CopyButton text={link} label={`${kind} ${link}`} />
      <button
        type="button"
        aria-pressed={qrLink === link}
        aria-label={`Show QR code of ${link}`}
        onClick={() => onShowQr(link)}
      >
        QR
      </button>
    </div>
  );
}
