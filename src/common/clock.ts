/** The current instant, injected so that tests can pin a night or a day ("the clock is an input"). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
