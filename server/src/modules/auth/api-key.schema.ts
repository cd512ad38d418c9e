import { Schema } from 'mongoose';
import type { OutboxItem } from '../audit/outbox.js';

export interface ApiKeyDocument {
  _id: string; // public key id, also the prefix of the secret so a key can be found without scanning
  name: string;
  scopes: string[];
  secretHash: string; // sha256 of the whole key: the key carries 256 random bits, so a slow hash adds nothing
  createdBy: string;
  createdAt: Date;
  revokedAt?: Date;
  revokedBy?: string;
  lastUsedAt?: Date;
  outbox: OutboxItem[];
}

export const apiKeySchema = new Schema<ApiKeyDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    scopes: { type: [String], required: true },
    secretHash: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date },
    revokedBy: { type: String },
    lastUsedAt: { type: Date },
    outbox: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: 'api_keys', versionKey: false },
);
