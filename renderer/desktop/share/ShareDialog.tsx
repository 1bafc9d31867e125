import { type FormEvent, type RefObject, useState } from 'react';
import { BoardPeople } from './BoardPeople';
import { JoinLog } from './JoinLog';
import { offeredLinks } from './link-passes';
import { Modal } from './Modal';
import { QrCode } from './QrCode';
import { ShareLinks } from './ShareLinks';
import {
  advertisedText,
  firewallNote,
  guestsText,
  keepQrLink,
  NO_WEB_CLIENT_TEXT,
  nextPort,
  orderAddresses,
  readPortInput,
  type ActiveShare,
} from './share-model';
import type { BoardAccessState } from './use-board-access';
import type { ShareState } from './use-share';

/**
 * "Share on LAN": before sharing, an optional port and the button; while
 * sharing, this board's Edit link and View link (passes) with QR codes, the
 * people on the board with Remove, Lock board, the join log, whether the
 * session is announced, and "Stop sharing" (which ends every link).
 */
export function ShareDialog({
  share,
  access,
  boardId,
  onClose,
  returnFocusTo,
}: {
  share: ShareState;
  access: BoardAccessState;
  boardId: string;
  onClose: () => void;
  returnFocusTo: RefObject<HTMLElement | null>;
}) {
  const { status } = share;
  return (
    <Modal labelledBy="share-dialog-title" onClose={onClose} testId="share-dialog" returnFocusTo={returnFocusTo}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id="share-dialog-title" style={{ margin: 0 }}>
          Share on LAN
        </h2>
        <button type="button" onClick={onClose} aria-label="Close">
          Close
        </button>
      </div>
      {share.error && (
        <p className="error" role="alert" data-testid="share-error">
          {share.error.message}
        </p>
      )}
      {status === null && <p className="note">Asking the app whether this board is shared…</p>}
      {status?.sharing === false && <StartSharing share={share} />}
      {status?.sharing === true && <Sharing share={share} status={status} access={access} boardId={boardId} />}
    </Modal>
  );
}

function StartSharing({ share }: { share: ShareState }) {
  const [portText, setPortText] = useState('');
  const [portError, setPortError] = useState<string | null>(null);
  const startOn = (text: string) => {
    const port = readPortInput(text);
    if (!port.ok) return setPortError(port.message);
    setPortError(null);
    void share.start(port.port);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    startOn(portText);
  };
  const firewall = firewallNote(share.os);
  const tryNext = (taken: number) => {
    const other = String(nextPort(taken));
    setPortText(other);
    startOn(other);
  };
  return (
    <form onSubmit={onSubmit}>
      {share.stoppedNote && (
        <p role="status" data-testid="share-stopped">
          {share.stoppedNote}
        </p>
      )}
      <p>
        People on your network can draw on this board with you, in their browser or in Easel. Nothing leaves your
        network.
      </p>
      {firewall && (
        <p className="note" data-testid="share-firewall">
          {firewall}
        </p>
      )}
      <label>
        Port (optional, 1024–65535)
        <input
          data-testid="share-port"
          inputMode="numeric"
          value={portText}
          onChange={(event) => setPortText(event.target.value)}
          aria-invalid={portError !== null}
          aria-describedby={portError ? 'share-port-error' : undefined}
          placeholder="chosen for you"
          style={{ width: 140 }}
        />
      </label>
      {portError && (
        <p className="error" id="share-port-error" role="alert">
          {portError}
        </p>
      )}
      {share.portInUse !== null && (
        <p data-testid="share-port-in-use">
          <button type="button" onClick={() => share.portInUse !== null && tryNext(share.portInUse)}>
            Try port {nextPort(share.portInUse)}
          </button>
        </p>
      )}
      <button type="submit" className="primary" disabled={share.busy} data-testid="share-start">
        Share on LAN
      </button>
    </form>
  );
}

function Sharing({
  share,
  status,
  access,
  boardId,
}: {
  share: ShareState;
  status: ActiveShare;
  access: BoardAccessState;
  boardId: string;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const [pickedAddress, setPickedAddress] = useState<string | null>(null);
  const ordered = orderAddresses(status.addresses);
  const address = ordered.find((each) => each.address === pickedAddress) ?? ordered[0];
  const offered = address && access.links ? offeredLinks(address.relayUrl, boardId, access.links) : null;
  const qrLink = keepQrLink(picked, offered ?? []);
  return (
    <>
      <p role="status" aria-live="polite">
        Sharing on port <strong data-testid="share-port-value">{status.port}</strong> ·{' '}
        <strong data-testid="share-guests">{guestsText(status.guests)}</strong> connected
      </p>
      <p className="note" data-testid="share-advertised">
        {advertisedText(status)}
      </p>
      {!status.webClient && (
        <p className="note" data-testid="share-no-web-client">
          {NO_WEB_CLIENT_TEXT}
        </p>
      )}
      {access.error && (
        <p className="error" role="alert" data-testid="share-access-error">
          {access.error}
        </p>
      )}
      <ShareLinks
        ordered={ordered}
        address={address}
        onPickAddress={setPickedAddress}
        offered={offered}
        qrLink={qrLink}
        onShowQr={setPicked}
      />
      {qrLink && (
        <figure style={{ margin: '12px 0', textAlign: 'center' }}>
          <QrCode link={qrLink} />
          <figcaption className="note">
            Scan to open <code data-testid="share-qr-link">{qrLink}</code>
          </figcaption>
        </figure>
      )}
      <p className="note">
        A link opens this board only, and works until you remove someone who used it or stop sharing.
      </p>
      {access.removedNote && (
        <p role="status" data-testid="share-removed">
          {access.removedNote}
        </p>
      )}
      <BoardPeople
        access={access.access}
        busy={access.busy}
        onRemove={(person) => void access.remove(person)}
        onLock={(locked) => void access.setLocked(locked)}
      />
      <JoinLog joins={access.joins} />
      <button type="button" disabled={share.busy} onClick={() => void share.stop()} data-testid="share-stop">
        Stop sharing
      </button>
    </>
  );
}
