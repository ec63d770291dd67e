/** JSON bodies for the paths a template reads (see analysis/body-shape.ts), with tricky values. */
import fc from 'fast-check';
import type { BodyShape } from '../analysis/body-shape.js';
import { awkwardNumber, jsonText } from './input.js';
import { escapingString } from './strings.js';

const JSON_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A value nothing is known about: mostly strings, then numbers, booleans, null, small structures. */
const anyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: escapingString.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: awkwardNumber.filter((t) => JSON_NUMBER.test(t)) },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null') },
  { weight: 1, arbitrary: jsonText.filter((t) => t.startsWith('{') || t.startsWith('[')).filter((t) => isJson(t)) },
);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function jsonForShape(shape: BodyShape, depth = 0): fc.Arbitrary<string> {
  switch (shape.kind) {
    case 'any':
      return anyValue;
    case 'array':
      return fc.array(jsonForShape(shape.item, depth + 1), { maxLength: depth > 6 ? 0 : 4 }).map((items) => `[${items.join(',')}]`);
    case 'object': {
      const fields = [...shape.fields].map(([key, s]) =>
        // A field the template reads is sometimes missing or null: that is when templates break.
        fc.oneof(
          { weight: 8, arbitrary: jsonForShape(s, depth + 1).map((v) => `${JSON.stringify(key)}:${v}`) },
          { weight: 1, arbitrary: fc.constant(`${JSON.stringify(key)}:null`) },
          { weight: 1, arbitrary: fc.constant('') },
        ),
      );
      return fc.tuple(...fields).map((parts) => `{${parts.filter((p) => p !== '').join(',')}}`);
    }
  }
}

const inShapeLeaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: escapingString.map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: awkwardNumber.filter((t) => JSON_NUMBER.test(t)) },
);

/**
 * Bodies inside the shape a template reads: every path it reads is there, objects and lists along the
 * way, a string or a number at each leaf. No nulls and no missing fields — those are bodies outside the
 * shape (see `bodiesOutside`), so a failure can say which kind of body it needs.
 */
export function jsonInShape(shape: BodyShape, depth = 0): fc.Arbitrary<string> {
  switch (shape.kind) {
    case 'any':
      return inShapeLeaf;
    case 'array':
      return fc.array(jsonInShape(shape.item, depth + 1), { maxLength: depth > 6 ? 0 : 4 }).map((items) => `[${items.join(',')}]`);
    case 'object': {
      const fields = [...shape.fields].map(([key, s]) => jsonInShape(s, depth + 1).map((v) => `${JSON.stringify(key)}:${v}`));
      return fc.tuple(...fields).map((parts) => `{${parts.join(',')}}`);
    }
  }
}
