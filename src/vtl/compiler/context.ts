/** What compilation of one template shares: the variable slots (sub-templates and blocks included). */
import type { Position } from '../ast.js';
import { SlotTable } from '../runtime/frame.js';

export class CompileContext {
  readonly slots = new SlotTable();
  /**
   * The position of the construct being compiled: expressions without a position of their own (list,
   * map and string literals) report their failures there.
   */
  at: Position = { line: 1, column: 1 };
}
