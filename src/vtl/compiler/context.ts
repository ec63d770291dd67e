/** What compilation of one template shares: the variable slots (sub-templates and blocks included). */
import { SlotTable } from '../runtime/frame.js';

export class CompileContext {
  readonly slots = new SlotTable();
}
