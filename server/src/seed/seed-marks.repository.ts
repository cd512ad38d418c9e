import { Inject, Injectable } from '@nestjs/common';
import { Schema, type Connection, type Model } from 'mongoose';
import { DB_CONNECTION } from '../common/database/database.module.js';

interface SeedMark {
  _id: string;
  at: Date;
}

/** What seeding has done to this database, so a start knows whether the pilots were ever loaded. */
@Injectable()
export class SeedMarksRepository {
  private readonly marks: Model<SeedMark>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.marks = connection.model<SeedMark>(
      'SeedMark',
      new Schema<SeedMark>({ _id: String, at: Date }, { collection: 'seed_marks', versionKey: false }),
    );
  }

  async has(name: string): Promise<boolean> {
    return (await this.marks.collection.findOne({ _id: name } as never)) !== null;
  }

  async set(name: string): Promise<void> {
    await this.marks.collection.updateOne({ _id: name } as never, { $set: { at: new Date() } }, { upsert: true });
  }
}
