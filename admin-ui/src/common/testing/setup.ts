import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every spec renders into one jsdom document: unmount what a test rendered before the next one starts. Stubbed
// globals and spies are restored by the config (unstubGlobals, restoreMocks), before each test.
afterEach(cleanup);
