// Journeys that build on one another in one house (a meeting from its schedule to its minutes) run as a
// serial group. Each still stands alone: before its own steps it runs, once per worker, the earlier
// journeys of its group that have not run there — so `-g "<name>"` passes for any one of them, and a
// whole run does each journey once.
import { test } from '@playwright/test';

export type Step<C> = { name: string; run: (c: C) => Promise<void> };

export class Chain<C> {
  private readonly steps: Step<C>[] = [];
  private readonly done = new Set<string>();

  add(name: string, run: (c: C) => Promise<void>): this {
    this.steps.push({ name, run });
    return this;
  }

  get names(): string[] {
    return this.steps.map((s) => s.name);
  }

  /** Runs the steps before `name` that have not run in this worker, then `name` itself. */
  async run(name: string, c: C): Promise<void> {
    const index = this.steps.findIndex((s) => s.name === name);
    if (index < 0) throw new Error(`No journey named "${name}" in this group`);
    for (const earlier of this.steps.slice(0, index)) {
      if (this.done.has(earlier.name)) continue;
      await test.step(`first, as before: ${earlier.name}`, () => earlier.run(c));
      this.done.add(earlier.name);
    }
    await this.steps[index]!.run(c);
    this.done.add(name);
  }
}
