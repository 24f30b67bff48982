/**
 * Generated code by the shape it was generated from (a canonical JSON text): procedures that
 * share a shape — common across a national catalogue of look-alike forms — pay for code
 * generation once per build process. Holds the most recently used shapes only, so memory stays
 * bounded however large the catalogue.
 */
export class ShapeMemo<T> {
  readonly #entries = new Map<string, T>();

  constructor(private readonly limit = 256) {}

  get(key: string, make: () => T): T {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const value = make();
    this.#entries.set(key, value);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }
}
