import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// i18n first: modules of the app register their own texts when they load.
import "./i18n.js";
import { App } from "./App.js";
import { rememberKeyFromLink } from "./live/identity.js";
import "./styles.css";

rememberKeyFromLink();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
