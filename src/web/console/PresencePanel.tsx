import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { PresenceMessage, Table } from "../../core/index.js";

/** Who is connected, by table. Presence is live only; it is never stored. */
export function PresencePanel({ presence, tables }: { presence: PresenceMessage | undefined; tables: Table[] }) {
  const { t } = useTranslation();
  const people = presence?.people ?? [];
  const groups = [
    ...tables.map((table) => ({ id: table.id, name: table.name })),
    { id: "", name: t("console.presence.noTable") },
  ];
  return (
    <section className="panel" aria-labelledby="presence-heading">
      <h2 id="presence-heading">{t("console.presence.heading", { count: presence?.connected ?? 0 })}</h2>
      {groups.map((group) => {
        const seated = people.filter((person) => (person.tableId ?? "") === group.id);
        if (seated.length === 0) return null;
        return (
          <div key={group.id || "none"}>
            <h3 className="small-heading">
              <bdi>{group.name}</bdi> ({seated.length})
            </h3>
            <p className="muted">
              {seated.map((person, index) => (
                <Fragment key={person.id}>
                  {index > 0 && ", "}
                  <bdi>{person.name || t("console.presence.anonymous")}</bdi>
                </Fragment>
              ))}
            </p>
          </div>
        );
      })}
    </section>
  );
}
