/**
 * "Find a breaking input": the property to check, how many inputs to try, progress while the worker
 * runs, and the shrunk counterexample with a button that loads it into the request panes.
 */
import type { RenderInput } from '../../../src/browser.js';
import type { Counterexample, FindOutcome, Place, PropertyChoice } from '../protocol.js';
import { byId, element } from './dom.js';
import type { JobWorker } from './worker-client.js';

export const DEFAULT_RUNS = 300;
const MAX_RUNS = 20_000;

export interface FindHooks {
  template(): string;
  load(input: RenderInput): void;
  reveal(place: Place): void;
}

export class FindView {
  private readonly button = byId<HTMLButtonElement>('find');
  private readonly cancel = byId<HTMLButtonElement>('find-cancel');
  private readonly progress = byId<HTMLProgressElement>('find-progress');
  private readonly status = byId('find-status');
  private readonly result = byId('find-result');

  constructor(
    private readonly worker: JobWorker,
    private readonly hooks: FindHooks,
  ) {
    this.button.addEventListener('click', () => void this.run());
    this.cancel.addEventListener('click', () => this.worker.stop('stopped'));
    const field = byId<HTMLInputElement>('round-trip-field');
    const sync = (): void => {
      field.disabled = this.selected() !== 'round-trips-field';
    };
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="property"]')) radio.addEventListener('change', sync);
    sync();
  }

  private selected(): PropertyChoice['kind'] {
    return (document.querySelector<HTMLInputElement>('input[name="property"]:checked')?.value ?? 'renders-valid-json') as PropertyChoice['kind'];
  }

  private choice(): PropertyChoice {
    const kind = this.selected();
    if (kind !== 'round-trips-field') return { kind };
    return { kind, from: byId<HTMLInputElement>('round-trip-field').value.trim() || '$' };
  }

  private runs(): number {
    const text = byId<HTMLInputElement>('find-runs').value.trim();
    const n = Math.round(Number(text));
    return text === '' || !Number.isFinite(n) || n < 1 ? DEFAULT_RUNS : Math.min(n, MAX_RUNS);
  }

  async run(): Promise<void> {
    const numRuns = this.runs();
    this.result.hidden = true;
    this.button.disabled = true;
    this.cancel.hidden = false;
    this.progress.hidden = false;
    this.progress.max = numRuns;
    this.progress.value = 0;
    this.status.textContent = `Trying ${numRuns} inputs…`;
    const reply = await this.worker.run({ type: 'find', template: this.hooks.template(), property: this.choice(), numRuns }, (p) => {
      this.progress.value = Math.min(p.runs, numRuns);
      this.status.textContent = p.runs <= numRuns ? `Tried ${p.runs} of ${numRuns} inputs…` : `Found one; shrinking it (${p.runs - numRuns} more tries)…`;
    });
    this.button.disabled = false;
    this.cancel.hidden = true;
    this.progress.hidden = true;
    if (reply.type === 'stopped') this.status.textContent = reply.reason === 'stopped' ? 'The search was stopped.' : `The search was stopped: ${reply.reason}.`;
    else if (reply.type === 'found') this.showOutcome(reply.outcome, reply.ms);
  }

  private showOutcome(outcome: FindOutcome, ms: number): void {
    const seconds = (ms / 1000).toFixed(1);
    if (outcome.ok) {
      this.status.textContent = `No breaking input in ${outcome.numRuns} tries (${seconds} s): the template ${outcome.property} for every one.`;
      return;
    }
    if ('error' in outcome) {
      const where = outcome.error.place ? ` (line ${outcome.error.place.line}, column ${outcome.error.place.column})` : '';
      this.status.textContent = `Could not run the check: ${outcome.error.name}: ${outcome.error.message}${where}`;
      return;
    }
    this.status.textContent = `Found an input for which the template does not hold "${outcome.counterexample.property}" (${seconds} s).`;
    this.showCounterexample(outcome.counterexample);
  }

  private showCounterexample(c: Counterexample): void {
    const where = c.place ? ` — template line ${c.place.line}, column ${c.place.column}` : '';
    byId('find-problem').textContent = `${c.problem}${where}`;
    byId('find-input').textContent = JSON.stringify(c.input, null, 2);
    byId('find-output').textContent = c.output ?? '(no output: the render failed)';
    byId('find-seed').textContent = `seed ${c.seed}`;
    const actions = byId('find-actions');
    const load = element('button', 'Load into the request');
    load.type = 'button';
    load.id = 'load-counterexample';
    load.addEventListener('click', () => this.hooks.load(c.input));
    const buttons: HTMLElement[] = [load];
    if (c.place) {
      const place = c.place;
      const go = element('button', `Go to line ${place.line}`);
      go.type = 'button';
      go.addEventListener('click', () => this.hooks.reveal(place));
      buttons.push(go);
    }
    actions.replaceChildren(...buttons);
    this.result.hidden = false;
  }
}
