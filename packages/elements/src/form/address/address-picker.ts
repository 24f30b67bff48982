import { foldVietnamese, searchCommunes, type CommuneName } from '@thutuc/runtime';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { FieldView } from '../field-parts.js';
import { CLOSED, onComboKey, type ComboState } from './combobox.js';
import { PlaceData, type LoadedCommunes } from './places.js';
import { renderAddress, type MarkupKit } from './render-address.js';

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The state of every address field's commune combobox on the form, by JSON Pointer, and the
 * unit data they share. Kept outside the fields' render functions so that typing, the open
 * listbox and the option in focus survive re-renders; none of it is part of the answers.
 * Bundled apart with its markup (thutuc-address.js, see load-picker.ts): forms without an
 * address field never download it.
 */
export class AddressPicker implements ReactiveController {
  readonly places: PlaceData;
  readonly #states = new Map<string, ComboState>();
  readonly #host: Host;
  readonly #kit: MarkupKit;

  /** `arrived` runs when a list arrives or fails, before the re-render (the form validates addresses against the lists). */
  constructor(host: Host, kit: MarkupKit, base: () => string | undefined, arrived: () => void = () => {}) {
    this.#host = host;
    this.#kit = kit;
    this.places = new PlaceData(base, () => {
      arrived();
      host.requestUpdate();
    });
    host.addController(this);
  }

  /** An address field: province, commune and street. */
  render(id: string, v: FieldView): TemplateResult {
    return renderAddress(this.#kit, this, id, v);
  }

  hostUpdated(): void {
    // Keep the option in focus visible in a scrolled listbox.
    this.#host.renderRoot.querySelector<HTMLElement>('[role="option"][aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }

  state(path: string): ComboState {
    return this.#states.get(path) ?? CLOSED;
  }

  set(path: string, next: ComboState): void {
    this.#states.set(path, next);
    this.#host.requestUpdate();
  }

  /** The options the combobox lists now: the province's communes matching what was typed. */
  options(path: string, communes: LoadedCommunes): CommuneName[] {
    return searchCommunes(communes.index, this.state(path).query ?? '');
  }

  /** Handles a key in the combobox; true when it was the combobox's key (the caller prevents the default). */
  key(path: string, event: KeyboardEvent, communes: LoadedCommunes, choose: (c: CommuneName | undefined) => void): boolean {
    const state = this.state(path);
    const action = onComboKey(event.key, event.altKey, state, this.options(path, communes));
    switch (action.kind) {
      case 'state':
        this.set(path, action.next);
        return true;
      case 'choose':
        this.set(path, CLOSED);
        choose(action.commune);
        return true;
      case 'clear':
        this.set(path, CLOSED);
        choose(undefined);
        return true;
      case 'none':
        return false;
    }
  }

  /** Leaving the box: close the list; text that names exactly one commune chooses it. */
  leave(path: string, communes: LoadedCommunes, choose: (c: CommuneName | undefined) => void): void {
    const { query } = this.state(path);
    this.set(path, { ...CLOSED, query });
    if (query === undefined) return;
    const folded = foldVietnamese(query);
    const exact = communes.list.filter((c) => foldVietnamese(c.name) === folded);
    if (exact.length === 1) {
      this.set(path, CLOSED);
      choose(exact[0]);
    }
  }

  /** The province changed: forget the text typed for the commune. */
  reset(path: string): void {
    this.#states.delete(path);
  }
}
