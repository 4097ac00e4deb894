import { useCallback, useEffect, useState } from "react";
import { JoinCodePage } from "./JoinCodePage.js";
import { JoinWorkshopPage } from "./JoinWorkshopPage.js";
import { cleanJoinCode } from "./joinCode.js";

/**
 * The participant app, no account ever: `/join` asks for the code, `/join/:code` (what the QR
 * code opens) joins the workshop. It moves between the two with the History API so that going
 * from the code to the workshop does not reload the page.
 */
export function ParticipantApp() {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const handlePopState = () => setPath(window.location.pathname);
    window.addEventListener("popstate", handlePopState);
    return () => window.removeEventListener("popstate", handlePopState);
  }, []);
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, "", to);
    setPath(to);
  }, []);

  const typed = /^\/join\/([^/]+)\/?$/.exec(path)?.[1];
  const code = typed ? cleanJoinCode(decodeURIComponent(typed)) : "";
  useEffect(() => {
    // `/join/abc-234` from a hand-typed link becomes `/join/ABC234`, the form a reload should see.
    if (code && path !== `/join/${code}`) window.history.replaceState(null, "", `/join/${code}`);
  }, [code, path]);

  if (!code) return <JoinCodePage onFound={(found) => navigate(`/join/${found}`)} />;
  return <JoinWorkshopPage key={code} code={code} onOtherCode={() => navigate("/join")} />;
}
