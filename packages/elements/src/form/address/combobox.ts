import type { CommuneName } from '@thutuc/runtime';

/**
 * What a commune combobox shows besides the stored value: the text being typed (undefined
 * shows the chosen commune's name), whether the listbox is open and which option has visual
 * focus (-1: none, focus stays in the text box).
 */
export interface ComboState {
  query: string | undefined;
  open: boolean;
  active: number;
}

export const CLOSED: ComboState = { query: undefined, open: false, active: -1 };

export type ComboAction = { kind: 'state'; next: ComboState } | { kind: 'choose'; commune: CommuneName } | { kind: 'clear' } | { kind: 'none' };

/**
 * The keys of the WAI-ARIA 1.2 combobox pattern (list autocomplete, no automatic selection):
 * Down/Up open the listbox and move through the options, wrapping; Alt+Down opens it without
 * moving; Enter chooses the option in focus; Escape closes the listbox, or clears the box when
 * it is closed; Home/End go to the first/last option while one has focus (otherwise they move
 * the caret as in any text box). Returns what to do; `none` lets the browser handle the key.
 */
export function onComboKey(key: string, altKey: boolean, state: ComboState, options: readonly CommuneName[]): ComboAction {
  const last = options.length - 1;
  const moveTo = (active: number): ComboAction => ({ kind: 'state', next: { ...state, open: true, active } });
  switch (key) {
    case 'ArrowDown':
      if (altKey || options.length === 0) return { kind: 'state', next: { ...state, open: true } };
      return moveTo(!state.open || state.active >= last ? 0 : state.active + 1);
    case 'ArrowUp':
      if (options.length === 0) return { kind: 'state', next: { ...state, open: true } };
      return moveTo(!state.open || state.active <= 0 ? last : state.active - 1);
    case 'Home':
      return state.open && state.active >= 0 && options.length ? moveTo(0) : { kind: 'none' };
    case 'End':
      return state.open && state.active >= 0 && options.length ? moveTo(last) : { kind: 'none' };
    case 'Enter': {
      if (!state.open) return { kind: 'none' };
      const chosen = state.active >= 0 ? options[state.active] : options.length === 1 ? options[0] : undefined;
      return chosen ? { kind: 'choose', commune: chosen } : { kind: 'state', next: { ...state, open: false, active: -1 } };
    }
    case 'Escape':
      if (state.open) return { kind: 'state', next: { ...state, open: false, active: -1 } };
      return { kind: 'clear' };
    default:
      return { kind: 'none' };
  }
}
