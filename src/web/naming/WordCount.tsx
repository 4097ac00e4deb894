import { useTranslation } from "react-i18next";
import { countWords, NAME_WORDS, nameAdvice } from "./words.js";

/** "5 words", and a gentle warning outside three to seven: the method's advice, never a rule. */
export function WordCount({ text, id }: { text: string; id?: string }) {
  const { t } = useTranslation();
  const advice = nameAdvice(text);
  return (
    <p id={id} className={`naming-words naming-words-${advice}`} data-testid="word-count">
      {t("naming.words", { count: countWords(text) })}
      {/* Only the advice is spoken when it changes: a spoken count would interrupt every keystroke.
          The count is read with the field, which it describes. */}
      <span aria-live="polite">
        {(advice === "short" || advice === "long") && (
          <span className="naming-advice"> · {t(`naming.advice.${advice}`, NAME_WORDS)}</span>
        )}
      </span>
    </p>
  );
}
