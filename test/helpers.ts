import { renderTemplate, type RenderInput, type RenderOptions } from '../src/index.js';

/** Renders a template and returns the body. */
export function render(template: string, input: RenderInput = {}, options?: RenderOptions): string {
  return renderTemplate(template, input, options).body;
}

/** Renders a template whose request body is the given JSON value. */
export function renderWithBody(template: string, body: unknown): string {
  return render(template, { body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The error a render throws (fails the test if it does not throw). */
export function renderError(template: string, input: RenderInput = {}): Error {
  try {
    renderTemplate(template, input);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`expected the template to fail: ${template}`);
}
