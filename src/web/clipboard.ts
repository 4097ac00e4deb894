/**
 * Puts text on the clipboard, from a click. Resolves false when the browser would not: the
 * caller then shows the text for copying by hand.
 *
 * The async clipboard (`navigator.clipboard`) exists only in secure contexts (HTTPS or this
 * computer); a console opened at the laptop's network address over plain HTTP has none, and
 * there the older `execCommand("copy")` on a selected field still works.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, document not focused): the older way may still work.
    }
  }
  const field = document.createElement("textarea");
  field.value = text;
  field.readOnly = true;
  field.setAttribute("aria-hidden", "true");
  field.style.position = "fixed";
  field.style.opacity = "0";
  document.body.append(field);
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    field.remove();
  }
}
