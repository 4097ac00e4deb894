import nodemailer from "nodemailer";

/** One invitation to vote, in the workshop's language. */
export interface Invitation {
  to: string;
  name: string;
  workshopTitle: string;
  link: string;
  language: "en" | "fr";
  closesAt: string | null;
}

/** Where invitations go: SMTP when `SMTP_URL` is set. */
export interface Mailer {
  send(invitation: Invitation): Promise<void>;
  close(): void;
}

/** A mailer over SMTP (`smtp://user:pass@host:port`, `smtps://…`), sending from `from`. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(invitation) {
      const { subject, text } = invitationText(invitation);
      await transport.sendMail({ from, to: { name: invitation.name, address: invitation.to }, subject, text });
    },
    close: () => transport.close(),
  };
}

/**
 * User text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: a right-to-left override in
 * a name or title reorders only itself, never the message's words after it (docs/security.md).
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The message: plain text, so that every mail client shows the link as it is. */
export function invitationText(invitation: Invitation) {
  const { link, language, closesAt } = invitation;
  const name = isolate(invitation.name);
  const workshopTitle = isolate(invitation.workshopTitle);
  if (language === "fr") {
    return {
      subject: `Votre avis sur les priorités : ${workshopTitle}`,
      text: [
        `Bonjour ${name},`,
        "",
        `Vous êtes invité·e à classer les thèmes de « ${workshopTitle} ». Ce lien est personnel :`,
        link,
        "",
        closesAt ? `Le vote ferme le ${closesAt.slice(0, 10)} (UTC). ` : "",
        "Vous pouvez modifier votre vote jusqu’à la fermeture.",
      ].join("\n"),
    };
  }
  return {
    subject: `Your view on priorities: ${workshopTitle}`,
    text: [
      `Hello ${name},`,
      "",
      `You are invited to prioritize the themes of "${workshopTitle}". This link is yours alone:`,
      link,
      "",
      closesAt ? `Voting closes on ${closesAt.slice(0, 10)} (UTC). ` : "",
      "You can change your vote until it closes.",
    ].join("\n"),
  };
}
