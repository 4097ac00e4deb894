import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../core/index.js";
import { login, register } from "../api.js";
import { signInProblem } from "./signInProblem.js";

/** The server's rule for a new password (src/server/routes/auth.ts). */
const NEW_PASSWORD_MIN = 10;

/** Sign in, or create a facilitator account. Participants never need one. */
export function SignIn({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"login" | "register">("login");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const passwordHelpId = useId();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const { account } = mode === "login" ? await login(email, password) : await register(name, email, password);
      onSignedIn(account);
    } catch (reason) {
      setError(signInProblem(t, reason));
    }
  };

  return (
    <section className="panel sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{mode === "login" ? t("account.signIn") : t("account.register")}</h2>
      <p className="muted">{t("account.why")}</p>
      <form onSubmit={handleSubmit} className="stack">
        {mode === "register" && (
          <label>
            {t("account.name")}
            <input value={name} onChange={(event) => setName(event.target.value)} required autoComplete="name" />
          </label>
        )}
        <label>
          {t("account.email")}
          <input
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
            autoComplete="email"
          />
        </label>
        <label>
          {t("account.password")}
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
            minLength={mode === "register" ? NEW_PASSWORD_MIN : 1}
            autoComplete={mode === "register" ? "new-password" : "current-password"}
            aria-describedby={mode === "register" ? passwordHelpId : undefined}
          />
        </label>
        {/* The rule in sight before typing, not only in the browser's bubble after a refusal. */}
        {mode === "register" && (
          <p id={passwordHelpId} className="muted field-help" data-testid="password-help">
            {t("account.passwordRule", { count: NEW_PASSWORD_MIN })}
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">{mode === "login" ? t("account.signIn") : t("account.create")}</button>
      </form>
      <button type="button" className="link" onClick={() => setMode(mode === "login" ? "register" : "login")}>
        {mode === "login" ? t("account.needAccount") : t("account.haveAccount")}
      </button>
    </section>
  );
}
