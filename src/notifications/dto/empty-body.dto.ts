/** A command without fields: anything sent is an unknown field (400), so nothing is silently ignored. */
export class EmptyBodyDto {}
