/** The call's keyboard shortcuts (DESIGN.md): which key a press means, unless the person is typing or a dialog is open. */

const SHORTCUT_KEYS = ['Space', 'V', 'C', 'Escape', '?'];
const TYPING_TARGETS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]';
const OWN_SPACE_TARGETS = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], vaadin-button';
const OPEN_DIALOGS = 'vaadin-dialog[opened], vaadin-confirm-dialog[opened], vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]';

/** The shortcut a key press stands for ("Space", "V", "C", "Escape", "?"), or undefined when it is none. */
export function shortcutOf(event: KeyboardEvent): string | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.repeat) {
    return undefined;
  }
  const key = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : event.key;
  if (!SHORTCUT_KEYS.includes(key)) {
    return undefined;
  }
  const path = event.composedPath().filter((node): node is HTMLElement => node instanceof HTMLElement);
  if (path.some(node => node.isContentEditable || node.matches(TYPING_TARGETS)) || document.querySelector(OPEN_DIALOGS)) {
    return undefined;
  }
  if (key === 'Space' && path.some(node => node.matches(OWN_SPACE_TARGETS))) {
    return undefined; // Space presses the focused button, as everywhere else.
  }
  return key;
}
