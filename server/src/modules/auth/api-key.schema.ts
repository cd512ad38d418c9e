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
  /** From then on the key is refused (401 api_key_expired); absent: it works until revoked. */
  expiresAt?: Date;
  outbox: OutboxItem[];
}
