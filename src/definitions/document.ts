/**
 * Reads a definition file's text: JSON or YAML, including CloudFormation's short-form intrinsic tags
 * (`!Ref`, `!Sub`, `!GetAtt`, …) in scalar, sequence and mapping form. Keeps the parsed YAML document so
 * errors can name a line and column.
 */
import { isScalar, LineCounter, parseDocument, YAMLMap, type CollectionTag, type Document, type Node, type Scalar, type ScalarTag } from 'yaml';
import { DefinitionError, wherePath } from './definition-error.js';
import { scalarOrigin, substitutedOrigin, type TemplateOrigin } from './template-origin.js';

const INTRINSICS = ['Ref', 'Condition', 'Fn::Base64', 'Fn::Cidr', 'Fn::FindInMap', 'Fn::GetAtt', 'Fn::GetAZs', 'Fn::ImportValue', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::Sub', 'Fn::Transform', 'Fn::And', 'Fn::Equals', 'Fn::If', 'Fn::Not', 'Fn::Or'];

function wrap(name: string, value: unknown): YAMLMap {
  const map = new YAMLMap();
  map.set(name, value);
  return map;
}

const customTags = INTRINSICS.flatMap((name): (ScalarTag | CollectionTag)[] => {
  const tag = `!${name.replace(/^Fn::/, '')}`;
  return [
    { tag, resolve: (s: string) => (name === 'Fn::GetAtt' ? { [name]: s.split('.', 2) } : { [name]: s }) },
    { tag, collection: 'seq', resolve: (seq) => wrap(name, seq) },
    { tag, collection: 'map', resolve: (map) => wrap(name, map) },
  ];
});

export interface ParsedDocument {
  value: unknown;
  file?: string;
  /** How the text was written, when it was text: JSON (it starts with `{` or `[`) or YAML. */
  syntax?: 'JSON' | 'YAML';
  /** The position of a path in the file, when it can be found. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
  /**
   * Where the string at a path (the mapping template `template`) is in the file, when it was read from a
   * named file and the text there is the template (not a variable that names another file).
   */
  origin?(path: readonly (string | number)[], template: string): TemplateOrigin | undefined;
}

export function parseDefinitionText(text: string, file?: string): ParsedDocument {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, customTags, uniqueKeys: false });
  } catch (e) {
    throw new DefinitionError(`cannot read the definition: ${(e as Error).message}`, '', file);
  }
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    throw new DefinitionError(`not valid JSON or YAML: ${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, '', file, pos?.line, pos?.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // An unresolved alias, or an alias bomb (yaml refuses more than maxAliasCount expansions).
    throw new DefinitionError(`not valid JSON or YAML: ${(e as Error).message}`, '', file);
  }
  return {
    value,
    file,
    syntax: /^\uFEFF?\s*[[{]/.test(text) ? 'JSON' : 'YAML',
    locate(path) {
      const node = doc.getIn(path, true) as Node | Scalar | undefined;
      const offset = node && 'range' in node ? node.range?.[0] : undefined;
      if (offset === undefined) return undefined;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
    origin(path, template) {
      if (file === undefined) return undefined;
      const node = doc.getIn(path, true) as Node | Scalar | undefined;
      if (!isScalar(node) || !node.range) return undefined;
      const at = (offset: number) => {
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
      };
      const scalar = { type: node.type, start: node.range[0], end: node.range[1] };
      if (typeof node.value === 'string') return node.value === template ? scalarOrigin(file, text, scalar, template, at) : undefined;
      // A tagged scalar (`!Sub |`) resolves to an object; its text before substitution is its source.
      if (typeof node.source !== 'string') return undefined;
      const origin = scalarOrigin(file, text, scalar, node.source, at);
      return node.source === template ? origin : substitutedOrigin(origin, node.source, template);
    },
  };
}

/** A DefinitionError at a path of a parsed document, with its line and column when known. */
export function errorAt(doc: ParsedDocument | undefined, path: readonly (string | number)[], message: string): DefinitionError {
  const pos = doc?.locate(path);
  return new DefinitionError(message, wherePath(path), doc?.file, pos?.line, pos?.column);
}
