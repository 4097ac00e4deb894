import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Account, login, register } from "../api.js";
import { signInProblem } from "./signInProblem.js";

/** Sign in, or create a facilitator account. Participants never need one. */
export function SignIn({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"login" | "register">("login");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();

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
            minLength={mode === "register" ? 10 : 1}
            autoComplete={mode === "register" ? "new-password" : "current-password"}
          />
        </label>
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
