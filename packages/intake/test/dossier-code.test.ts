import { describe, expect, it } from 'vitest';
import { createDossierCodeGenerator, isPlausibleDossierCode, MemorySequenceStore, type SequenceStore } from '@thutuc/intake';

/** A store that reads, waits, then writes — as a naive database round trip would: not atomic. */
class SlowStore implements SequenceStore {
  private readonly values = new Map<string, number>();
  async next(key: string): Promise<number> {
    const current = this.values.get(key) ?? 0;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    this.values.set(key, current + 1);
    return current + 1;
  }
}

const june9 = new Date('2026-06-09T03:00:00Z'); // 10:00 in Hà Nội

describe('dossier codes', () => {
  it('read <agency>-<yymmdd>-<4-digit sequence> (Circular 03/2025 Art. 13), one sequence per agency per Vietnam day', async () => {
    const next = createDossierCodeGenerator();
    expect(await next('G09.20', june9)).toBe('G09.20-260609-0001');
    expect(await next('G09.20', june9)).toBe('G09.20-260609-0002');
    expect(await next('000.00.31.H56', june9)).toBe('000.00.31.H56-260609-0001');
    // 23:30 on 9 June UTC is already 10 June in Vietnam: a new day, a new sequence
    expect(await next('G09.20', new Date('2026-06-09T17:30:00Z'))).toBe('G09.20-260610-0001');
    expect(await next('g09.20', june9)).toBe('G09.20-260609-0003');
  });

  it('take a pattern and a width', async () => {
    const next = createDossierCodeGenerator({ pattern: '{agency}-{yyyy}{mm}{dd}-{seq}', width: 7 });
    expect(await next('000.00.31.H56', june9)).toBe('000.00.31.H56-20260609-0000001');
  });

  it('never give two concurrent calls the same code, even over a store that is not atomic', async () => {
    const store = new SlowStore();
    // the store alone hands out duplicates when called concurrently…
    const raw = await Promise.all(Array.from({ length: 50 }, () => store.next('x')));
    expect(new Set(raw).size).toBeLessThan(50);
    // …the generator queues its calls per agency and day, so 1,000 calls give 1,000 codes
    const next = createDossierCodeGenerator({ store: new SlowStore() });
    const codes = await Promise.all(Array.from({ length: 1000 }, (_, i) => next(i % 3 === 0 ? 'G01' : 'G15.01', june9)));
    expect(new Set(codes).size).toBe(1000);
    expect(codes.filter((c) => c.startsWith('G01-')).sort().at(-1)).toBe('G01-260609-0334');
    expect(codes.every(isPlausibleDossierCode)).toBe(true);
  });

  it('skip numbers a store hands out twice, and refuse bad input', async () => {
    const repeats = [1, 1, 2];
    const next = createDossierCodeGenerator({ store: { next: () => repeats.shift() ?? 3 } });
    expect([await next('G15', june9), await next('G15', june9)]).toEqual(['G15-260609-0001', 'G15-260609-0002']);
    await expect(createDossierCodeGenerator({ store: { next: () => 0 } })('G15', june9)).rejects.toThrow(RangeError);
    await expect(createDossierCodeGenerator()('G 15', june9)).rejects.toThrow(RangeError);
    // a failed call does not block the ones after it
    let fail = true;
    const flaky = createDossierCodeGenerator({ store: { next: async () => { if (fail) { fail = false; throw new Error('db down'); } return 7; } } });
    await expect(flaky('G15', june9)).rejects.toThrow('db down');
    expect(await flaky('G15', june9)).toBe('G15-260609-0007');
  });

  it('take codes from other systems as opaque strings', () => {
    expect(isPlausibleDossierCode('G09.20-20260609-0092637')).toBe(true);
    expect(isPlausibleDossierCode('000.00.31.H56-230415-0001')).toBe(true);
    expect(isPlausibleDossierCode('03706/2026/07906')).toBe(true);
    expect(isPlausibleDossierCode('g09.20-20260609-0092637')).toBe(false);
    expect(isPlausibleDossierCode('ABC12')).toBe(false);
    expect(isPlausibleDossierCode('A'.repeat(61))).toBe(false);
    expect(isPlausibleDossierCode('G09 20')).toBe(false);
    expect(isPlausibleDossierCode(20260609)).toBe(false);
  });

  it('keep counters apart in the memory store', () => {
    const store = new MemorySequenceStore();
    expect([store.next('a'), store.next('a'), store.next('b')]).toEqual([1, 2, 1]);
  });
});
