/**
 * Text built from a value (printing, JSON writing) with its cost charged as it grows: one unit per node
 * visited, and the string cap checked after every piece, so a value that would print exponentially
 * (a list holding itself twice, nested again and again) stops at the cap instead of after building
 * the whole string.
 */
import { BudgetExceeded, type Meter } from './meter.js';

export class BoundedText {
  /** Pieces joined once at the end: faster than growing a rope from millions of one-character pieces. */
  private readonly pieces: string[] = [];
  private length = 0;

  constructor(readonly meter: Meter) {}

  append(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    if (this.length > this.meter.maxStringLength) {
      const limit = this.meter.maxStringLength;
      throw new BudgetExceeded('string', limit, `a string longer than ${limit} characters was built`);
    }
  }

  /** Charges one node of the value being written. */
  visit(): void {
    this.meter.charge(1);
  }

  /** The text, admitted as a created string. */
  done(): string {
    this.meter.admit(this.length);
    return this.pieces.join('');
  }
}
