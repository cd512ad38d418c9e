import type { FromSchema } from 'json-schema-to-ts';

/** Every environment variable the service reads, with its default. Nothing else reads process.env. */
export const configSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    NODE_ENV: { type: 'string', enum: ['development', 'production', 'test'], default: 'development' },
    HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
    MONGODB_URI: { type: 'string', pattern: '^mongodb(\\+srv)?://' },
    DATA_DIR: { type: 'string', minLength: 1, default: './data' },
    FERRETDB_BIN: { type: 'string', minLength: 1, default: './.tools/bin/ferretdb' },
    FERRETDB_PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 0 },
    JWT_SECRET: { type: 'string', minLength: 32 },
    AUDIT_KEY: { type: 'string', minLength: 32 },
    SUBJECT_KEY: { type: 'string', minLength: 32 },
    JWT_TTL_SECONDS: { type: 'integer', minimum: 60, maximum: 86400, default: 3600 },
    ANTHROPIC_API_KEY: { type: 'string', minLength: 1 },
    ANTHROPIC_BASE_URL: { type: 'string', pattern: '^https?://' },
    LOG_LEVEL: {
      type: 'string',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
    LOG_REQUESTS_PER_SECOND: { type: 'integer', minimum: 0, maximum: 1000000, default: 100 },
    SHUTDOWN_DRAIN_MS: { type: 'integer', minimum: 0, maximum: 60000, default: 1000 },
    DEMO_PASSWORD: { type: 'string', minLength: 1, default: 'demo' },
    BODY_LIMIT_BYTES: { type: 'integer', minimum: 1024, maximum: 104857600, default: 1048576 },
    LOGIN_RATE_LIMIT_PER_MINUTE: { type: 'integer', minimum: 1, default: 30 },
    LOGIN_MAX_FAILURES: { type: 'integer', minimum: 1, default: 5 },
    LOGIN_LOCKOUT_SECONDS: { type: 'integer', minimum: 1, default: 900 },
    DECISION_RETENTION_DAYS: { type: 'integer', minimum: 1, maximum: 3650, default: 90 },
    REVIEW_DUE_DAYS: { type: 'integer', minimum: 1, maximum: 365, default: 30 },
    DECISION_BATCH_SIZE: { type: 'integer', minimum: 1, maximum: 5000, default: 200 },
    DECISION_FLUSH_MS: { type: 'integer', minimum: 0, maximum: 1000, default: 0 },
    DECISION_QUEUE_MAX: { type: 'integer', minimum: 1, maximum: 1000000, default: 5000 },
    DECISION_MAX_IN_FLIGHT: { type: 'integer', minimum: 1, maximum: 64, default: 2 },
    DECISION_WRITE_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 60000, default: 3000 },
    COMPILED_CACHE_SIZE: { type: 'integer', minimum: 10, maximum: 100000, default: 2000 },
    HEAP_GROWING_PERCENT: { type: 'integer', minimum: 0, maximum: 300, default: 20 },
    LLM_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 600000, default: 30000 },
    LLM_MAX_RETRIES: { type: 'integer', minimum: 0, maximum: 10, default: 2 },
    EVAL_RUN_BUDGET_TOKENS: { type: 'integer', minimum: 1, maximum: 10000000, default: 50000 },
    EVAL_RUN_BUDGET_MS: { type: 'integer', minimum: 1000, maximum: 14400000, default: 900000 },
    PROMPT_TEST_MODEL_BUDGET_MS: { type: 'integer', minimum: 1000, maximum: 3600000, default: 120000 },
    METRICS_PUBLIC: { type: 'boolean', default: false },
    TRUST_PROXY: {
      type: 'string',
      pattern: '^(true|false|[0-9]{1,2}|[0-9a-fA-F.:/]+( *, *[0-9a-fA-F.:/]+)*)$', // « 10.0.0.1, 10.0.0.2 » too
      default: 'false',
    },
  },
  required: [
    'NODE_ENV',
    'HOST',
    'PORT',
    'DATA_DIR',
    'FERRETDB_BIN',
    'FERRETDB_PORT',
    'JWT_TTL_SECONDS',
    'LOG_LEVEL',
    'LOG_REQUESTS_PER_SECOND',
    'SHUTDOWN_DRAIN_MS',
    'DEMO_PASSWORD',
    'BODY_LIMIT_BYTES',
    'LOGIN_RATE_LIMIT_PER_MINUTE',
    'LOGIN_MAX_FAILURES',
    'LOGIN_LOCKOUT_SECONDS',
    'DECISION_RETENTION_DAYS',
    'REVIEW_DUE_DAYS',
    'DECISION_BATCH_SIZE',
    'DECISION_FLUSH_MS',
    'DECISION_QUEUE_MAX',
    'DECISION_MAX_IN_FLIGHT',
    'DECISION_WRITE_TIMEOUT_MS',
    'COMPILED_CACHE_SIZE',
    'HEAP_GROWING_PERCENT',
    'LLM_TIMEOUT_MS',
    'LLM_MAX_RETRIES',
    'EVAL_RUN_BUDGET_TOKENS',
    'EVAL_RUN_BUDGET_MS',
    'PROMPT_TEST_MODEL_BUDGET_MS',
    'METRICS_PUBLIC',
    'TRUST_PROXY',
  ],
} as const;

export type RawConfig = FromSchema<typeof configSchema>;

/** Typed configuration, after validation and after the JWT secret has been resolved. */
export interface AppConfig {
  /** What start-up logs as a warning: settings accepted, that an operator should change (weak production secrets). */
  warnings: string[];
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  mongodbUri?: string;
  dataDir: string;
  ferretdbBin: string;
  ferretdbPort: number;
  jwtSecret: string;
  /** Keys the audit chain's hashes (AUDIT_KEY, else derived from the JWT secret): never stored in the database. */
  auditKey: Buffer;
  /** Keys the pseudonyms of completion subjects (SUBJECT_KEY, else derived from the JWT secret): a purpose of its own. */
  subjectKey: Buffer;
  jwtTtlSeconds: number;
  anthropicApiKey?: string;
  anthropicBaseUrl?: string;
  logLevel: RawConfig['LOG_LEVEL'];
  /** Successful requests logged per second at most; failures are always logged. */
  logRequestsPerSecond: number;
  /** After SIGTERM, how long answers keep coming with `Connection: close` before the listener closes. */
  shutdownDrainMs: number;
  demoPassword: string;
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  decisionRetentionDays: number;
  /** Days a review request of an automated decision has before it is overdue. */
  reviewDueDays: number;
  /** Group commit of decision records: batch size, wait before a partial batch goes, bounded queue, parallel inserts, timeout. */
  decisionBatchSize: number;
  decisionFlushMs: number;
  decisionQueueMax: number;
  decisionMaxInFlight: number;
  decisionWriteTimeoutMs: number;
  /** Compiled rule-set versions kept in memory (least recently used go first). */
  compiledCacheSize: number;
  /**
   * How far V8 lets the old generation grow past what the last full collection kept, in percent; 0 leaves V8's own
   * factor (up to 4×). Set by main.ts for the process (docs/adr/0013).
   */
  heapGrowingPercent: number;
  llmTimeoutMs: number;
  llmMaxRetries: number;
  /** Tokens an evaluation run may spend when the request names no budget (docs/adr/0031). */
  evalRunBudgetTokens: number;
  evalRunBudgetMs: number;
  /** How long the model checks of one prompt test run may take in all; past it, a case fails as not checked. */
  promptTestModelBudgetMs: number;
  /** /metrics without credentials (a scraper on a private network); otherwise a `metrics:*` API key or an admin. */
  metricsPublic: boolean;
  /** Fastify's `trustProxy`: which proxies' X-Forwarded-For gives the client address (rate limits, throttles, audit). */
  trustProxy: boolean | number | string[];
}
