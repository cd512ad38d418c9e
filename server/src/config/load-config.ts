import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP, isIPv4 } from 'node:net';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { projectRoot } from '../common/project-root.js';
import { configSchema, type AppConfig, type RawConfig } from './config.schema.js';
import { secretProblems } from './secret-strength.js';
import { makeDirectory } from '../common/files/make-directory.js';

/** A configuration problem: the message names the variable so the operator knows what to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const ajv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: false });
const validateRaw = ajv.compile<RawConfig>(configSchema);

/** Reads and validates the environment once; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(configSchema.properties)) {
    const value = env[name];
    // An empty NODE_ENV is a mistake, not development: a unit file's `NODE_ENV=$ENV` with ENV unset had started a
    // production host with the demo accounts and their password (a command-line review). Other empty values are unset.
    if (value !== undefined && (value !== '' || name === 'NODE_ENV')) raw[name] = value;
  }
  // Checked before ajv coerces the strings; a variable they name is said once, in their words.
  const problems = [...notWrittenInDigits(raw), ...unknownProxies(raw)];
  const named = new Set(problems.map((problem) => problem.slice(0, problem.indexOf(':'))));
  if (!validateRaw(raw) || problems.length > 0) {
    for (const e of validateRaw.errors ?? []) {
      const variable = e.instancePath.replace(/^\//, '') || String(e.params['missingProperty'] ?? '');
      const allowed = e.keyword === 'enum' ? ` (${(e.params['allowedValues'] as unknown[]).join(', ')})` : '';
      if (!named.has(variable)) problems.push(`${variable}: ${e.message ?? 'invalid'}${allowed}`);
    }
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const dataDir = resolve(raw.DATA_DIR);
  const jwtSecret = resolveJwtSecret(raw.JWT_SECRET, raw.NODE_ENV, dataDir);
  // Production only: elsewhere the secret is generated, and tests and demos may use what they like.
  const secrets = raw.NODE_ENV === 'production' ? secretProblems(raw) : { refused: [], warnings: [] };
  if (secrets.refused.length > 0) throw new ConfigError(`Invalid configuration: ${secrets.refused.join('; ')}.`);
  return {
    warnings: secrets.warnings,
    nodeEnv: raw.NODE_ENV,
    host: raw.HOST,
    port: raw.PORT,
    mongodbUri: raw.MONGODB_URI,
    dataDir,
    // Built into the project by default, wherever the service is started from; a path given is the operator's own.
    ferretdbBin: env['FERRETDB_BIN'] ? resolve(raw.FERRETDB_BIN) : join(projectRoot(), '.tools', 'bin', 'ferretdb'),
    ferretdbPort: raw.FERRETDB_PORT,
    jwtSecret,
    auditKey: raw.AUDIT_KEY
      ? Buffer.from(raw.AUDIT_KEY, 'utf8')
      : Buffer.from(hkdfSync('sha256', jwtSecret, 'gabarit', 'audit chain', 32)),
    subjectKey: raw.SUBJECT_KEY
      ? Buffer.from(raw.SUBJECT_KEY, 'utf8')
      : Buffer.from(hkdfSync('sha256', jwtSecret, 'gabarit', 'subject pseudonyms', 32)),
    jwtTtlSeconds: raw.JWT_TTL_SECONDS,
    anthropicApiKey: raw.ANTHROPIC_API_KEY,
    anthropicBaseUrl: raw.ANTHROPIC_BASE_URL,
    logLevel: raw.LOG_LEVEL,
    logRequestsPerSecond: raw.LOG_REQUESTS_PER_SECOND,
    shutdownDrainMs: raw.SHUTDOWN_DRAIN_MS,
    demoPassword: raw.DEMO_PASSWORD,
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    loginRateLimitPerMinute: raw.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginMaxFailures: raw.LOGIN_MAX_FAILURES,
    loginLockoutSeconds: raw.LOGIN_LOCKOUT_SECONDS,
    decisionRetentionDays: raw.DECISION_RETENTION_DAYS,
    reviewDueDays: raw.REVIEW_DUE_DAYS,
    decisionBatchSize: raw.DECISION_BATCH_SIZE,
    decisionFlushMs: raw.DECISION_FLUSH_MS,
    decisionQueueMax: raw.DECISION_QUEUE_MAX,
    decisionMaxInFlight: raw.DECISION_MAX_IN_FLIGHT,
    decisionWriteTimeoutMs: raw.DECISION_WRITE_TIMEOUT_MS,
    compiledCacheSize: raw.COMPILED_CACHE_SIZE,
    heapGrowingPercent: raw.HEAP_GROWING_PERCENT,
    llmTimeoutMs: raw.LLM_TIMEOUT_MS,
    llmMaxRetries: raw.LLM_MAX_RETRIES,
    evalRunBudgetTokens: raw.EVAL_RUN_BUDGET_TOKENS,
    evalRunBudgetMs: raw.EVAL_RUN_BUDGET_MS,
    promptTestModelBudgetMs: raw.PROMPT_TEST_MODEL_BUDGET_MS,
    metricsPublic: raw.METRICS_PUBLIC,
    trustProxy: parseTrustProxy(raw.TRUST_PROXY),
  };
}

/** Production must be given a secret; elsewhere one is generated once and kept in the data dir so tokens survive restarts. */
function resolveJwtSecret(given: string | undefined, nodeEnv: string, dataDir: string): string {
  if (given) return given;
  if (nodeEnv === 'production') {
    throw new ConfigError(
      'Invalid configuration: JWT_SECRET is required when NODE_ENV=production (at least 32 characters).',
    );
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    // A truncated restore, a full disk or a `touch` had left an empty file: the service started healthy and every
    // sign-in answered 500 (a command-line review). The rule of JWT_SECRET holds for the kept one too.
    if (kept.length < 32)
      throw new ConfigError(
        `Invalid configuration: ${file} holds ${kept.length === 0 ? 'no secret' : 'a secret shorter than 32 characters'}: remove it to have a new one made (sessions signed with the old one end), or set JWT_SECRET.`,
      );
    return kept;
  }
  makeDirectory(dataDir);
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Whole numbers written as digits only: ajv's coercion read PORT=1e3 as 1000 and PORT=0x50 as 80, a typo that started
 * a service on a port nobody asked for (a command-line review).
 */
function notWrittenInDigits(raw: Record<string, unknown>): string[] {
  return Object.entries(configSchema.properties)
    .filter(([name, rule]) => rule.type === 'integer' && typeof raw[name] === 'string')
    .filter(([name]) => !/^[0-9]+$/.test(raw[name] as string))
    .map(([name]) => `${name}: must be a whole number written in digits`);
}

/**
 * Each proxy an address or a network (address/prefix or address/mask): the schema's pattern alone let « dead,beef »
 * through, and Fastify then trusted no proxy without a word.
 */
function unknownProxies(raw: Record<string, unknown>): string[] {
  const value = raw['TRUST_PROXY'];
  if (typeof value !== 'string' || /^(true|false|[0-9]{1,2})$/.test(value)) return [];
  const unknown = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => !isAddressOrNetwork(entry));
  return unknown.length === 0
    ? []
    : [`TRUST_PROXY: ${unknown.map((entry) => `« ${entry} »`).join(', ')} is not an IP address or network`];
}

function isAddressOrNetwork(entry: string): boolean {
  const [address = '', range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^[0-9]{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIPv4(range);
}

/** `false` (direct clients), `true` (any proxy: only behind one you control), a hop count, or proxies' addresses/CIDRs. */
function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^[0-9]+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}
