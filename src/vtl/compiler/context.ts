/** What compilation of one template shares: the variable slots (sub-templates and blocks included). */
import type { Position } from '../ast.js';
import type { CoverageProbes } from '../../coverage/probes.js';
import { SlotTable } from '../runtime/frame.js';

export class CompileContext {
  readonly slots = new SlotTable();
  /** Set when the template is compiled for coverage: the compiled code counts what runs. */
  coverage: CoverageProbes | undefined;
  /**
   * The position of the construct being compiled: expressions without a position of their own (list,
   * map and string literals) report their failures there.
   */
  at: Position = { line: 1, column: 1 };
}
