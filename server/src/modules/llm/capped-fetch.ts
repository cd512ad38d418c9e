/**
 * The most a provider's answer may hold, in bytes. A model's answer is bounded by its maximum tokens (at most
 * 64 000 here, a few hundred kilobytes of JSON); a provider, or a proxy in front of it, that sends 20 MB held the
 * event loop 128 ms while the SDK parsed it (an API probe). 4 MiB parses in about 25 ms.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** An answer past MAX_ANSWER_BYTES: the provider's failure, which asking again would repeat. */
export class AnswerTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the provider's answer is larger than ${limitBytes} bytes`);
    this.name = 'AnswerTooLargeError';
  }
}

/**
 * `fetch` for the SDK that reads each answer's body itself, in the chunks it arrives in, and gives up past
 * `limitBytes` (a body that says it is larger is not read at all), so the SDK only ever parses a bounded text.
 */
export function cappedFetch(limitBytes = MAX_ANSWER_BYTES): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const declared = Number(response.headers.get('content-length'));
    if (declared > limitBytes) {
      await response.body?.cancel();
      throw new AnswerTooLargeError(limitBytes);
    }
    if (!response.body) return response;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel();
        throw new AnswerTooLargeError(limitBytes);
      }
      chunks.push(value);
    }
    return new Response(Buffer.concat(chunks), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
