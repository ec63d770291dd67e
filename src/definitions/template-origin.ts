/**
 * Where a mapping template sits in the file it was loaded from, so positions in the template (lint
 * findings, coverage lines, render errors) can be shown at the file's own lines and columns: a `.vtl`
 * file is its own origin; a template inline in an OpenAPI, SAM or CloudFormation file is mapped through
 * the YAML or JSON string that holds it.
 */
import type { Position } from '../vtl/ast.js';

export interface TemplateOrigin {
  /** The file as it was named to the loader. */
  file: string;
  /** A position in the template → the position in `file`. */
  at(position: Position): Position;
  /**
   * How a change to the template is written into the file (lint `--fix`): as it is (a `.vtl` file, a
   * YAML literal block), or escaped as in a JSON string (a JSON or double-quoted YAML string). Absent
   * where the text is folded and an edit could change what it means.
   */
  edits?: 'verbatim' | 'json-escaped';
}

/** A template that is a file of its own: its positions are the file's. */
export function ownFile(file: string): TemplateOrigin {
  return { file, at: (p) => ({ line: p.line, column: p.column }), edits: 'verbatim' };
}

/** The scalar that holds a template, as the YAML parser reports it (JSON strings are QUOTE_DOUBLE). */
export interface ScalarSource {
  type: string | undefined;
  /** Offsets in the file text: where the scalar starts (its quote or block indicator) and ends. */
  start: number;
  end: number;
}

/** Offsets where each line of `text` starts (lines end at LF, CRLF or CR, as the template lexer counts them). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * A literal block (`|`): line k of the value is line k after the header, less the block's indentation,
 * so the mapping is exact.
 */
function literalBlockOffsets(fileText: string, scalar: ScalarSource, value: string): (line: number, column: number) => number {
  const header = fileText.slice(scalar.start, scalar.end).match(/^[|][0-9+-]*[^\n]*\n?/)?.[0] ?? '';
  const body = scalar.start + header.length;
  const content = fileText.slice(body, scalar.end);
  // The block's indentation: what the file has before the first line with content, less what the
  // value keeps of it (more-indented lines, and `|2` counts from the parent's indentation).
  const fileLines = content.split(/\r\n|\r|\n/);
  const valueLines = value.split(/\r\n|\r|\n/);
  const first = valueLines.findIndex((l) => l.trim() !== '');
  const leading = (l: string | undefined) => /^[ ]*/.exec(l ?? '')![0].length;
  const indent = first < 0 ? 0 : Math.max(0, leading(fileLines[first]) - leading(valueLines[first]));
  const starts = lineStarts(content).map((s) => body + s);
  return (line, column) => {
    const start = starts[Math.min(line, starts.length) - 1]!;
    return Math.min(start + indent + column - 1, scalar.end);
  };
}

const WHITESPACE = /[ \t\r\n]/;

/** The length of an escape sequence in a double-quoted YAML or JSON string and how many UTF-16 units it decodes to. */
function escapeAt(raw: string, i: number): { length: number; units: number } {
  const c = raw[i + 1];
  if (c === 'x') return { length: 4, units: 1 };
  if (c === 'u') return { length: 6, units: 1 };
  if (c === 'U') return { length: 10, units: Number.parseInt(raw.slice(i + 2, i + 10), 16) > 0xffff ? 2 : 1 };
  if (c === '\n' || c === '\r') return { length: 2, units: 0 };
  return { length: 2, units: 1 };
}

/**
 * Any other scalar (quoted, JSON, plain, folded): the value's characters are matched to the file's in
 * order — escapes decode to their characters, folded line breaks and indentation are skipped — which is
 * exact for JSON and single-line strings and close for folded ones. Where the value differs from the text
 * (an intrinsic substituted something), the mapping holds its place and resynchronises.
 */
function matchedOffsets(fileText: string, scalar: ScalarSource, value: string): (line: number, column: number) => number {
  const quote = fileText[scalar.start];
  const double = quote === '"';
  const single = quote === "'";
  const block = quote === '>';
  let i = scalar.start + (double || single ? 1 : 0);
  if (block) i = fileText.indexOf('\n', i) + 1 || scalar.end;
  const end = scalar.end;
  const toRaw = new Int32Array(value.length + 1);
  for (let d = 0; d < value.length; d++) {
    if (double && fileText[i] === '\\') {
      const e = escapeAt(fileText, i);
      if (e.units === 0) {
        i += e.length;
        d--;
        while (i < end && (fileText[i] === ' ' || fileText[i] === '\t')) i++;
        continue;
      }
      for (let u = 0; u < e.units && d + u < value.length; u++) toRaw[d + u] = i;
      d += e.units - 1;
      i += e.length;
      continue;
    }
    if (single && fileText[i] === "'" && fileText[i + 1] === "'") {
      toRaw[d] = i;
      i += 2;
      continue;
    }
    const c = value[d]!;
    while (i < end && fileText[i] !== c && WHITESPACE.test(fileText[i]!)) i++;
    toRaw[d] = Math.min(i, end);
    if (fileText[i] === c) i++;
  }
  toRaw[value.length] = Math.min(i, end);
  const starts = lineStarts(value);
  return (line, column) => {
    const start = starts[Math.min(line, starts.length) - 1]!;
    const next = line < starts.length ? starts[line]! : value.length + 1;
    return toRaw[Math.min(start + column - 1, next - 1, value.length)]!;
  };
}

/**
 * The origin of a template held by a scalar of a definition file. `value` is the scalar's text before
 * any intrinsic was applied; `position` turns a file offset into a line and column.
 */
export function scalarOrigin(file: string, fileText: string, scalar: ScalarSource, value: string, position: (offset: number) => Position): TemplateOrigin {
  const literal = scalar.type === 'BLOCK_LITERAL';
  const offsetOf = literal ? literalBlockOffsets(fileText, scalar, value) : matchedOffsets(fileText, scalar, value);
  // A double-quoted string written on one line maps exactly; folded over lines, an edit could land beside its place.
  const oneLine = !/[\r\n]/.test(fileText.slice(scalar.start, scalar.end));
  const edits = literal ? 'verbatim' : scalar.type === 'QUOTE_DOUBLE' && oneLine ? 'json-escaped' : undefined;
  return { file, at: (p) => position(offsetOf(Math.max(1, p.line), Math.max(1, p.column))), ...(edits ? { edits } : {}) };
}

/**
 * The origin of a template an intrinsic substituted into (`!Sub` with `${AWS::Region}`): its lines are
 * the source's lines when there are as many; a line the substitution left alone maps column for column,
 * a changed one to its start. No fix is written into it (the file's text is not the template's). Without
 * as many lines, there is no telling where a line went: no origin.
 */
export function substitutedOrigin(origin: TemplateOrigin, source: string, template: string): TemplateOrigin | undefined {
  const sourceLines = source.split(/\r\n|\r|\n/);
  const templateLines = template.split(/\r\n|\r|\n/);
  if (sourceLines.length !== templateLines.length) return undefined;
  return {
    file: origin.file,
    at: (p) => (sourceLines[p.line - 1] === templateLines[p.line - 1] ? origin.at(p) : origin.at({ line: p.line, column: 1 })),
  };
}

/**
 * Origins of the templates of one `requestTemplates` / `responseTemplates` map, kept beside the map
 * (weakly, so they go away with the definition) rather than in the model, which mirrors API Gateway's.
 */
const origins = new WeakMap<object, Map<string, TemplateOrigin>>();

export function recordOrigin(templates: object, mediaType: string, origin: TemplateOrigin): void {
  let byType = origins.get(templates);
  if (!byType) origins.set(templates, (byType = new Map()));
  byType.set(mediaType, origin);
}

/** Where the template for `mediaType` of a templates map came from, when a loader recorded it. */
export function originOf(templates: object, mediaType: string): TemplateOrigin | undefined {
  return origins.get(templates)?.get(mediaType);
}

/** Templates a loader wrote itself (a framework's defaults), which are not the user's to lint or fix. */
const generated = new WeakMap<object, Set<string>>();

export function recordGenerated(templates: object, mediaType: string): void {
  let types = generated.get(templates);
  if (!types) generated.set(templates, (types = new Set()));
  types.add(mediaType);
}

export function isGenerated(templates: object, mediaType: string): boolean {
  return generated.get(templates)?.has(mediaType) ?? false;
}
