import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useJoinLink } from "../joinLink.js";
import { NewJoinCode } from "./NewJoinCode.js";

/** The join code, its link and a QR code, for the facilitator to share. */
export function JoinPanel({ joinCode, workshopId }: { joinCode: string; workshopId: string }) {
  const { t } = useTranslation();
  const { link, localOnly } = useJoinLink(joinCode);
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    QRCode.toDataURL(link, { margin: 1, width: 240 }).then(setQr, () => setQr(undefined));
  }, [link]);
  return (
    <section className="panel join-panel" aria-labelledby="join-heading">
      <h2 id="join-heading">{t("console.join.heading")}</h2>
      <p className="join-code" data-testid="join-code">
        {joinCode}
      </p>
      <NewJoinCode workshopId={workshopId} joinCode={joinCode} />
      <p>
        <a href={link} target="_blank" rel="noreferrer">
          {link}
        </a>
      </p>
      {qr && <img src={qr} alt={t("console.join.qr", { link })} width={160} height={160} />}
      {localOnly && (
        <p className="join-local-only" role="note" data-testid="join-local-only">
          {t("console.join.localOnly")}
        </p>
      )}
      <p>
        <a href={`/w/${encodeURIComponent(workshopId)}/present`} target="_blank" rel="noreferrer">
          {t("console.join.projector")}
        </a>
      </p>
    </section>
  );
}
