import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { UnauthenticatedError } from '../../common/errors/domain-errors.js';
import { ROLES, type Role } from '../../common/access/roles.js';

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

const ISSUER = 'gabarit';

/** Short-lived HS256 session tokens for console users. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** `tokenVersion`: the account's, at issue; the token stops working once the account's moves on. */
  issue(username: string, roles: Role[], tokenVersion = 0): IssuedToken {
    const token = jwt.sign({ roles, tv: tokenVersion }, this.config.jwtSecret, {
      algorithm: 'HS256',
      subject: username,
      issuer: ISSUER,
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { token, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000).toISOString() };
  }

  verify(token: string): { username: string; roles: Role[]; tokenVersion: number } {
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload;
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) {
        throw new UnauthenticatedError('Your session has expired; sign in again.', 'token_expired');
      }
      throw new UnauthenticatedError('The bearer token is not valid.', 'invalid_token');
    }
    const roles = Array.isArray(claims['roles']) ? (claims['roles'] as unknown[]).filter(isRole) : [];
    if (!claims.sub) throw new UnauthenticatedError('The bearer token is not valid.', 'invalid_token');
    return { username: claims.sub, roles, tokenVersion: typeof claims['tv'] === 'number' ? claims['tv'] : 0 };
  }
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
