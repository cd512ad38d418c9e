import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../common/database/database.module.js';
import { TypedCollection } from '../common/database/typed-collection.js';

interface SeedMark {
  _id: string;
  at: Date;
}

/** What seeding has done to this database, so a start knows whether the pilots were ever loaded. */
@Injectable()
export class SeedMarksRepository {
  private readonly marks: Collection<SeedMark>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.marks = new TypedCollection<SeedMark>(connection, 'seed_marks').collection;
  }

  async has(name: string): Promise<boolean> {
    return (await this.marks.findOne({ _id: name })) !== null;
  }

  async set(name: string): Promise<void> {
    await this.marks.updateOne({ _id: name }, { $set: { at: new Date() } }, { upsert: true });
  }
}
