// The audit log: who did what to which record, when, and with what outcome. No personal data in detail.
import type { AuditAction, AuditSubject, RouteAction } from '../../shared/domain/audit-actions.ts';
import type { Db } from './database/connect.ts';
import { auditEvents } from './database/schema.ts';

export type AuditEntry = {
  organizationId: string;
  actorId: string | null;
  action: AuditAction | RouteAction;
  subjectType: AuditSubject;
  subjectId?: string | null;
  outcome?: 'allowed' | 'denied' | 'failed';
  detail?: Record<string, string | number | boolean | null>;
};

const rowOf = (entry: AuditEntry) => ({
  organizationId: entry.organizationId,
  actorId: entry.actorId,
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId ?? null,
  outcome: entry.outcome ?? 'allowed',
  detail: entry.detail ?? {},
});

type Waiting = { entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void };

/** At most this many inserts of one database's reads' entries at once, and rows in one of them. */
const MAX_IN_FLIGHT = 2;
const MAX_ROWS = 200;

/**
 * The audit entries of reads, written together (group commit): every request that read something
 * protected waits until its entry is written before it answers, as before, but the requests of one
 * moment share one INSERT instead of one round trip each. An entry is never dropped: when a shared
 * insert fails, each entry is tried alone, and a request whose entry cannot be written fails.
 */
class AuditBatch {
  private pending: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  add(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT) return;
    this.scheduled = true;
    // After the requests already read from their sockets have had their turn, so they share this insert.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, MAX_ROWS);
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      await this.db.insert(auditEvents).values(batch.map((w) => rowOf(w.entry)));
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else
        await Promise.all(
          batch.map((w) =>
            this.db
              .insert(auditEvents)
              .values(rowOf(w.entry))
              .then(() => w.resolve(), w.reject),
          ),
        );
    } finally {
      this.inFlight--;
      if (this.pending.length) this.schedule();
    }
  }
}

const batches = new WeakMap<Db, AuditBatch>();

/**
 * Works on the database or inside a transaction, so a change and its audit entry commit together. On
 * the database itself (a read's entry), entries of requests at the same moment are written together.
 */
export async function recordAudit(db: Pick<Db, 'insert'>, entry: AuditEntry): Promise<void> {
  // A transaction has no $client of its own: its entry goes in with its change, in its own commit.
  if (!('$client' in db)) {
    await db.insert(auditEvents).values(rowOf(entry));
    return;
  }
  const top = db as Db;
  let batch = batches.get(top);
  if (!batch) {
    batch = new AuditBatch(top);
    batches.set(top, batch);
  }
  await batch.add(entry);
}
