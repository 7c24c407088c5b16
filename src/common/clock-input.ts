import { Transform } from 'class-transformer';
import { normaliseClock } from '../web/assets/clock-text.js';

export { CLOCK_INPUT_MESSAGE, normaliseClock } from '../web/assets/clock-text.js';

/**
 * Reads a clock time leniently before validation ("8.30" → "08:30"), with the same reader the pages
 * use (src/web/assets/clock-text.js). A value it cannot read is left as sent, so that the field's
 * own validator names it.
 */
export function LenientClock(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normaliseClock(value) ?? value) : value));
}
