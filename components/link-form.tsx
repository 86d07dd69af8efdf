// A one-field GET form for a pasted link: /go (open a mail-archive link here) and /links (which threads mention it).
import styles from "./link-form.module.css";

export function LinkForm({ action, value = "", placeholder, button, autoFocus = false }: { action: string; value?: string; placeholder: string; button: string; autoFocus?: boolean }) {
  return (
    <form className={`search-form ${styles.form}`} action={action} method="get" data-testid="link-form">
      <input type="search" name="url" defaultValue={value} placeholder={placeholder} aria-label="Link" autoFocus={autoFocus} spellCheck={false} autoComplete="off" />
      <button type="submit">{button}</button>
    </form>
  );
}
