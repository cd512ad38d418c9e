/**
 * The longest `matches` pattern Gabarit compiles. Its own module, without RE2, so the console's live check reads
 * the same bound without bundling the engine.
 */
export const MAX_PATTERN_LENGTH = 200;
