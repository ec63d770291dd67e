/**
 * Bodies aimed at the branches a template guards with a literal: `#if($input.path('$.type') == "dog")`
 * is almost never true for a random body, so one body in three gets one such value put at its path
 * (objects and lists made along the way). A body that would leave the model stays as it was.
 */
import fc from 'fast-check';
import type { ComparedValue, Step } from '../analysis/body-shape.js';
import type { BodyModel } from './body-model.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A copy of `value` with `leaf` at `steps` (the first element of each list on the way). */
function withValueAt(value: Json | undefined, steps: readonly Step[], leaf: Json): Json {
  if (steps.length === 0) return leaf;
  const [step, ...rest] = steps;
  if (step!.kind === 'item') {
    const list = Array.isArray(value) ? [...value] : [];
    list[0] = withValueAt(list[0], rest, leaf);
    return list;
  }
  const object = isObject(value) ? { ...value } : {};
  Object.defineProperty(object, step!.name, { value: withValueAt(Object.hasOwn(object, step!.name) ? object[step!.name] : undefined, rest, leaf), enumerable: true, writable: true, configurable: true });
  return object;
}

/** The body text with the compared value put at its path; undefined when the body is not JSON. */
export function bodyWithValue(body: string, target: ComparedValue): string | undefined {
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    return undefined;
  }
  return JSON.stringify(withValueAt(parsed, target.steps, target.value));
}

/** The model, its valid bodies sometimes holding a value the template compares with. */
export function guidedModel(model: BodyModel, compared: readonly ComparedValue[]): BodyModel {
  if (compared.length === 0 || model.kind === 'form') return model;
  const aimed = fc.tuple(model.inside, fc.constantFrom(...compared)).map(([body, target]) => {
    const guided = bodyWithValue(body, target);
    return guided !== undefined && (!model.contains || model.contains(guided)) ? guided : body;
  });
  return { ...model, inside: fc.oneof({ weight: 2, arbitrary: model.inside }, { weight: 1, arbitrary: aimed }) };
}
