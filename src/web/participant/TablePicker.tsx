import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Table } from "../../core/index.js";

/**
 * For someone who joined before the facilitator set up tables: without a table their cards
 * would skip the table's choice, so the view asks where they sit.
 */
export function TablePicker({ tables, onPick }: { tables: Table[]; onPick: (tableId: string) => void }) {
  const { t } = useTranslation();
  const [tableId, setTableId] = useState("");
  const selectId = useId();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (tableId) onPick(tableId);
  };
  return (
    <form className="participant-notice participant-table-picker" onSubmit={handleSubmit}>
      <label className="participant-notice-title" htmlFor={selectId}>
        {t("participant.pickTable.title")}
      </label>
      <p>{t("participant.pickTable.hint")}</p>
      <div className="participant-table-picker-row">
        <select
          id={selectId}
          data-testid="participant-table-select"
          className="join-input join-select"
          value={tableId}
          onChange={(event) => setTableId(event.target.value)}
          required
        >
          <option value="" disabled>
            {t("join.tableChoose")}
          </option>
          {tables.map((table) => (
            <option key={table.id} value={table.id}>
              {table.name}
            </option>
          ))}
        </select>
        <button type="submit" className="participant-primary" disabled={!tableId}>
          {t("participant.pickTable.submit")}
        </button>
      </div>
    </form>
  );
}
