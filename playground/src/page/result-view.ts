/**
 * The result pane: the rendered body (pretty when it is JSON, the exact bytes one click away), the
 * overrides, warnings and cost, or the error with its line and a caret under the column.
 */
import type { ErrorReport, Place, RenderOutcome } from '../protocol.js';
import { caretSnippet } from '../caret.js';
import { byId, element } from './dom.js';

const utf8 = new TextEncoder();

export class ResultView {
  private raw = false;
  private readonly output = byId('output');
  private readonly pretty = byId('output-pretty');
  private readonly toggle = byId<HTMLButtonElement>('raw-toggle');
  private readonly view = byId('output-view');

  constructor(private readonly reveal: (place: Place) => void) {
    this.toggle.addEventListener('click', () => {
      this.raw = !this.raw;
      this.layout();
    });
  }

  private layout(): void {
    const hasPretty = this.pretty.textContent !== '';
    const raw = this.raw || !hasPretty;
    this.output.hidden = !raw;
    this.pretty.hidden = raw;
    this.toggle.disabled = !hasPretty;
    this.toggle.setAttribute('aria-pressed', String(raw));
    this.toggle.textContent = raw && hasPretty ? 'Show pretty JSON' : 'Show raw bytes';
  }

  show(outcome: RenderOutcome, template: string): void {
    document.getElementById('error')?.remove();
    const details = byId('result-details');
    if (!outcome.ok) {
      this.view.hidden = true;
      details.hidden = true;
      this.output.textContent = '';
      this.pretty.textContent = '';
      this.view.after(this.errorBox(outcome.error, template));
      return;
    }
    this.view.hidden = false;
    details.hidden = false;
    this.output.textContent = outcome.body;
    this.pretty.textContent = outcome.pretty ?? '';
    byId('output-size').textContent = `${utf8.encode(outcome.body).length} bytes${outcome.pretty === undefined ? ', not JSON' : ', JSON'}`;
    this.layout();
    byId('request-override').textContent = JSON.stringify(outcome.requestOverride, null, 2);
    byId('response-override').textContent = JSON.stringify(outcome.responseOverride, null, 2);
    const warnings = byId('warnings');
    warnings.replaceChildren(...outcome.warnings.map((w) => element('li', w)));
    byId('warnings-heading').hidden = outcome.warnings.length === 0;
    byId('cost').textContent = `Cost: ${outcome.cost.work} units of work, ${outcome.cost.memory} bytes allocated.`;
  }

  /** A failure outside the template (a worker stopped, a render that took too long). */
  showStopped(reason: string): void {
    this.show({ ok: false, error: { name: 'Stopped', message: `the render was stopped: ${reason}` } }, '');
  }

  private errorBox(error: ErrorReport, template: string): HTMLElement {
    const box = element('div', undefined, 'error');
    box.id = 'error';
    box.setAttribute('role', 'alert');
    const where = error.place ? `Line ${error.place.line}, column ${error.place.column}: ` : '';
    const limit = error.limit ? ` (the ${error.limit} limit)` : '';
    const heading = element('p');
    heading.append(element('strong', error.name), document.createTextNode(` ${where}${error.message}${limit}`));
    box.append(heading);
    if (error.place && template !== '') {
      const place = error.place;
      box.append(element('pre', caretSnippet(template, place), 'caret'));
      const go = element('button', `Go to line ${place.line}`);
      go.type = 'button';
      go.addEventListener('click', () => this.reveal(place));
      box.append(go);
    }
    return box;
  }
}
