/** Where the service's data lives: a PostgreSQL server, or the embedded PGlite served on loopback. */
export interface DatabaseTarget {
  url: string;
  /** The embedded socket server serves one connection: the pool must not open a second. */
  embedded: boolean;
}
