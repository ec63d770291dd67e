/**
 * Template tree → render closures. Each node becomes one small closure, compiled once; rendering runs
 * the closures against a fresh Frame and never looks at the template text again.
 */
import { toJavaString } from '../../java/print.js';
import type { Value } from '../../java/values.js';
import type { Position, Reference, TemplateNode } from '../ast.js';
import { NORMAL, type Frame, type Render, type Status } from '../runtime/frame.js';
import { locate } from '../runtime/failures.js';
import type { CompileContext } from './context.js';
import { textLines, type CoverageProbes } from '../../coverage/probes.js';
import { compileReference } from './references.js';
import { compileSet } from '../directives/set.js';
import { compileIf } from '../directives/if.js';
import { compileForeach } from '../directives/foreach.js';
import { compileDefine, DefineBlock } from '../directives/define.js';
import { compileBreak, compileStop, compileUnsupported } from '../directives/control.js';

export function compileBlock(nodes: TemplateNode[], ctx: CompileContext): Render {
  const probes = ctx.coverage;
  const renders = probes ? nodes.map((n) => counted(n, compileNode(n, ctx), probes)) : nodes.map((n) => compileNode(n, ctx));
  switch (renders.length) {
    case 0:
      return () => NORMAL;
    case 1:
      return renders[0]!;
    case 2: {
      const [a, b] = renders as [Render, Render];
      return (f) => a(f) || b(f);
    }
    default:
      return (f) => {
        for (let i = 0; i < renders.length; i++) {
          const status = renders[i]!(f);
          if (status !== NORMAL) return status;
        }
        return NORMAL;
      };
  }
}

/** The template lines a statement covers, for coverage. */
function statementLines(node: TemplateNode): number[] {
  switch (node.kind) {
    case 'text': {
      const pieces = node.pieces;
      if (!pieces) return textLines(node.text, node.position.line);
      const lines = pieces.flatMap((p, i) => textLines(node.text.slice(p.offset, pieces[i + 1]?.offset ?? node.text.length), p.line));
      return [...new Set(lines)];
    }
    case 'reference':
      return [node.reference.position.line];
    case 'if':
      return [node.branches[0]!.position.line];
    default:
      return [node.position.line];
  }
}

/** A statement that counts its runs (coverage); blank text is not a statement. */
function counted(node: TemplateNode, render: Render, probes: CoverageProbes): Render {
  const lines = statementLines(node);
  if (lines.length === 0) return render;
  const counts = probes.counts;
  const i = probes.statement(lines);
  return (f) => {
    counts[i]!++;
    return render(f);
  };
}

function compileNode(node: TemplateNode, ctx: CompileContext): Render {
  switch (node.kind) {
    case 'text': {
      const { text, position } = node;
      return (f) => {
        f.write(text, position);
        return NORMAL;
      };
    }
    case 'reference':
      return compileOutput(node.reference, ctx);
    case 'set':
      return compileSet(node, ctx);
    case 'if':
      return compileIf(node, ctx);
    case 'foreach':
      return compileForeach(node, ctx);
    case 'define':
      return compileDefine(node, ctx);
    case 'break':
      return compileBreak();
    case 'stop':
      return compileStop();
    case 'unsupported':
      return compileUnsupported(node);
  }
}

/** `String.valueOf` of a value for output, with failures located at the reference. */
export function printValue(v: Value, position: Position, f: Frame): string {
  if (typeof v === 'string') return v;
  try {
    return toJavaString(v, f.meter);
  } catch (e) {
    throw locate(e, position, 'printing the value');
  }
}

/** A reference in the output: its text, or the body of a `#define` block rendered in place. */
function compileOutput(ref: Reference, ctx: CompileContext): Render {
  const compiled = compileReference(ref, ctx);
  const value = ctx.coverage && mayBeEmpty(ref) ? countedEmpty(compiled, ref, ctx.coverage) : compiled;
  const position = ref.position;
  return (f: Frame): Status => {
    const v = value(f);
    if (typeof v === 'string') {
      f.write(v, position);
      return NORMAL;
    }
    if (v instanceof DefineBlock) return v.renderInto(f, ref);
    f.write(printValue(v, position, f), position);
    return NORMAL;
  };
}

/**
 * Whether a printed reference is a branch point for coverage: one that can come out empty (a missing
 * field, parameter or variable prints nothing on API Gateway). `$util` calls and `$input.json` /
 * `$input.body` always print something, so they are not.
 */
function mayBeEmpty(ref: Reference): boolean {
  if (ref.root === 'util') return false;
  const first = ref.steps[0];
  return !(ref.root === 'input' && first && ((first.kind === 'method' && first.name === 'json') || (first.kind === 'property' && first.name === 'body')));
}

/** A printed reference that counts whether it had a value or printed nothing. */
function countedEmpty(value: (f: Frame) => Value, ref: Reference, probes: CoverageProbes): (f: Frame) => Value {
  const counts = probes.counts;
  const i = probes.branch('reference', ref.position, [`${ref.source} with a value`, `${ref.source} empty`]);
  return (f) => {
    const v = value(f);
    counts[v === '' || v === null ? i + 1 : i]!++;
    return v;
  };
}
