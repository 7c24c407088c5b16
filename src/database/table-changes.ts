import type { ClientBase, Notification } from 'pg';
import type { DataSource } from 'typeorm';

/** The channel the triggers of migration ChangeNotifications1764500000000 notify, with the table's name. */
export const CHANGES_CHANNEL = 'standards_monitor_changes';

/** A table that changed, or null: anything may have changed (a listener reconnected). */
export type ChangeListener = (table: string | null) => void;

/**
 * Announces committed writes to the tables the service keeps in memory, for one data source.
 *
 * Every connection of the pool LISTENs (pg-pool's onConnect hook, see dataSourceOptions): PostgreSQL
 * and PGlite deliver a session's own notifications before the answer to its COMMIT (or autocommit
 * statement), so a write made by this process is announced before the write's promise resolves.
 * Writes of other processes reach the pool connections that are idle, and on a server also the
 * dedicated listener (ServerChangeListener), which announces `null` whenever it (re)connects.
 */
export class TableChanges {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(table: string | null): void {
    for (const listener of this.listeners) listener(table);
  }

  /** Makes a connection listen; its notifications are announced here. */
  async listenOn(client: ClientBase): Promise<void> {
    client.on('notification', (n: Notification) => {
      if (n.channel === CHANGES_CHANNEL) this.publish(n.payload ?? null);
    });
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  }
}

const byHook = new WeakMap<object, TableChanges>();

/** The pg-pool onConnect hook of a new data source, and the announcements it feeds. */
export function listeningHook(): { onConnect: (client: ClientBase) => Promise<void>; changes: TableChanges } {
  const changes = new TableChanges();
  const onConnect = (client: ClientBase) => changes.listenOn(client);
  byHook.set(onConnect, changes);
  return { onConnect, changes };
}

/** The announcements of a data source opened by openDataSource; undefined for one opened otherwise. */
export function tableChangesOf(ds: DataSource): TableChanges | undefined {
  const hook = (ds.options as { extra?: { onConnect?: object } }).extra?.onConnect;
  return hook ? byHook.get(hook) : undefined;
}
