import { describe, expect, it } from '@jest/globals';
import { databaseNameOf } from './mongo-connection.js';

describe('databaseNameOf', () => {
  it('takes the database a connection string names', () => {
    expect(databaseNameOf('mongodb://127.0.0.1:27017/rules')).toBe('rules');
    expect(databaseNameOf('mongodb://user:p%40ss@a:1,b:2/my%20rules?replicaSet=rs0')).toBe('my rules');
    expect(databaseNameOf('mongodb+srv://user:secret@cluster0.example.net/prod?retryWrites=true')).toBe('prod');
  });

  it('uses gabarit, not the driver’s test database, when the string names none', () => {
    expect(databaseNameOf('mongodb://127.0.0.1:27017')).toBe('gabarit');
    expect(databaseNameOf('mongodb://127.0.0.1:27017/')).toBe('gabarit');
    expect(databaseNameOf('mongodb://a:1,b:2/?replicaSet=rs0')).toBe('gabarit');
  });
});
