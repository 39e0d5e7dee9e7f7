import { useEffect, useRef } from 'react';

/** A key (as KeyboardEvent.key, e.g. 'j', 'Enter', '/', '?') and what it does. */
export type ShortcutMap = Partial<Record<string, (event: KeyboardEvent) => void>>;

/** True while the person types: in a text field, a select, an editable element or a dialog's field. */
export const isTyping = (target: EventTarget | null) => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
};

/**
 * Single-key shortcuts on the whole page. They never fire while the person types in a field, with
 * Ctrl, Alt or Meta held (the browser's own shortcuts), or when something else already handled the
 * key; Enter is left alone on buttons and links, which it activates itself.
 */
export const useShortcuts = (shortcuts: ShortcutMap, enabled = true) => {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('button, a')) return;
      // Dialogs and open menus or lists use letters and Enter themselves (type-ahead, choosing).
      if (
        event.target instanceof HTMLElement &&
        event.target.closest('[role="dialog"], [role="listbox"], [role="menu"]')
      )
        return;
      const action = latest.current[event.key];
      if (!action) return;
      event.preventDefault();
      action(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
};
