import { Injectable, Logger } from '@nestjs/common';
import type { DecisionDocument } from './decision.schema.js';
import { DecisionsRepository } from './decisions.repository.js';

const MAX_BATCH = 500;

/**
 * Group commit for decision records: one insert at a time, and the requests that arrive meanwhile share the
 * next one. Idle, a record is written at once; under load, hundreds share a write. Each caller still learns
 * whether its record was stored.
 */
@Injectable()
export class DecisionWriter {
  private readonly queue: { records: DecisionDocument[]; done: (stored: boolean) => void }[] = [];
  private writing = false;
  private readonly logger = new Logger('DecisionWriter');

  constructor(private readonly decisions: DecisionsRepository) {}

  write(records: DecisionDocument[]): Promise<boolean> {
    return new Promise((done) => {
      this.queue.push({ records, done });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = [];
        let size = 0;
        while (this.queue.length > 0 && size < MAX_BATCH) {
          const next = this.queue.shift()!;
          batch.push(next);
          size += next.records.length;
        }
        const stored = await this.decisions.insertMany(batch.flatMap((b) => b.records)).then(
          () => true,
          (err: Error) => {
            this.logger.warn(`decision records not stored (${size}): ${err.message}`);
            return false;
          },
        );
        for (const item of batch) item.done(stored);
      }
    } finally {
      this.writing = false;
    }
  }
}
