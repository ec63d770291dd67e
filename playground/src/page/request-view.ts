/** The request panes: six textareas, each with its own problem line. */
import type { RenderInput } from '../../../src/browser.js';
import { FIELD_NAMES, fieldsFromInput, readRequest, type FieldName, type RequestFields } from '../request/fields.js';
import { byId } from './dom.js';

/** The element id of each field (kebab-case, stable for automation). */
export const FIELD_IDS: Record<FieldName, string> = {
  body: 'body',
  headers: 'headers',
  query: 'query',
  path: 'path',
  stageVariables: 'stage-variables',
  context: 'context',
};

export class RequestView {
  private readonly areas = new Map<FieldName, HTMLTextAreaElement>();

  constructor(onChange: () => void) {
    for (const field of FIELD_NAMES) {
      const area = byId<HTMLTextAreaElement>(FIELD_IDS[field]);
      area.addEventListener('input', onChange);
      this.areas.set(field, area);
    }
  }

  private fields(): RequestFields {
    const text = (f: FieldName): string => this.areas.get(f)!.value;
    return { body: text('body'), headers: text('headers'), query: text('query'), path: text('path'), stageVariables: text('stageVariables'), context: text('context') };
  }

  /** The request as the fields say, marking the fields that cannot be read. */
  read(): { input: RenderInput; problems: number } {
    const { input, problems } = readRequest(this.fields());
    for (const field of FIELD_NAMES) {
      const area = this.areas.get(field)!;
      const problem = problems.find((p) => p.field === field);
      const line = byId(`${FIELD_IDS[field]}-problem`);
      line.textContent = problem ? `${problem.message}. Left out of the request until fixed.` : '';
      line.hidden = !problem;
      if (problem) area.setAttribute('aria-invalid', 'true');
      else area.removeAttribute('aria-invalid');
    }
    return { input, problems: problems.length };
  }

  show(input: RenderInput): void {
    const fields = fieldsFromInput(input);
    for (const field of FIELD_NAMES) this.areas.get(field)!.value = fields[field];
  }
}
