import { describe, expect, it } from '@jest/globals';
import { checkIfMatch, ifMatchAccepts, ifMatchUnusable } from './if-match.js';

describe('ifMatchAccepts', () => {
  const current = '"ruleset:invoices:7:n3"';

  it('accepts the current tag, alone or in a list', () => {
    expect(ifMatchAccepts(current, current)).toBe(true);
    expect(ifMatchAccepts(` "ruleset:invoices:6:n3" , ${current}`, current)).toBe(true);
  });

  it('refuses *, another tag, a weak one, a tag without quotes and a malformed list', () => {
    expect(ifMatchAccepts('*', current)).toBe(false);
    expect(ifMatchAccepts('"ruleset:invoices:6:n3"', current)).toBe(false);
    expect(ifMatchAccepts(`W/${current}`, current)).toBe(false);
    expect(ifMatchAccepts(current.slice(1, -1), current)).toBe(false);
    expect(ifMatchAccepts(`${current} junk`, current)).toBe(false);
    expect(ifMatchAccepts(`junk, ${current}`, current)).toBe(false);
    expect(ifMatchAccepts('', current)).toBe(false);
  });
});

describe('an If-Match that cannot match', () => {
  it('is told why: * and text that is not a list of tags are 400, weak tags alone 412; strong tags are compared', () => {
    expect(ifMatchUnusable(' * ')).toEqual({
      status: 400,
      message: expect.stringMatching(/^is \*, which any version/),
    });
    expect(ifMatchUnusable('"t:2" junk')?.status).toBe(400);
    expect(ifMatchUnusable('W/"t:2"')).toEqual({
      status: 412,
      message: expect.stringMatching(/^holds only weak tags/),
    });
    expect(ifMatchUnusable('W/"t:1", "t:2"')).toBeUndefined();
    expect(ifMatchUnusable('"t:1", "t:2"')).toBeUndefined();
  });

  it('names /headers/if-match, whether the header is at fault or names a copy that is stale', () => {
    const refusal = (header: string) => {
      try {
        checkIfMatch(header, '"t:2"', 'changed since');
      } catch (err) {
        const e = err as { code: string; details: { path: string }[] };
        return [e.code, e.details[0]!.path];
      }
      return undefined;
    };
    expect(refusal('*')).toEqual(['invalid_if_match', '/headers/if-match']);
    expect(refusal('W/"t:2"')).toEqual(['stale_etag', '/headers/if-match']);
    expect(refusal('"t:1"')).toEqual(['stale_etag', '/headers/if-match']);
    expect(refusal('"t:2"')).toBeUndefined();
  });

  it('says when the tag sent is another resource’s, rather than that this one changed', () => {
    const refusal = (header: string) => {
      try {
        checkIfMatch(header, '"prompt:accueil:v3:r2"', 'changed since');
      } catch (err) {
        const e = err as { message: string; details: { path: string; message: string }[] };
        return [e.message, e.details[0]!];
      }
      return undefined;
    };
    expect(refusal('"experiment:pa-exp7:v2:r1"')).toEqual([
      'The If-Match header holds the ETag of experiment "pa-exp7", not of this resource: read this one and send its ETag.',
      { path: '/headers/if-match', message: 'is the ETag of experiment "pa-exp7", not of prompt "accueil"' },
    ]);
    // This resource's older copy: changed since, as before.
    expect(refusal('"prompt:accueil:v3:r1"')).toEqual([
      'changed since',
      {
        path: '/headers/if-match',
        message: 'is "prompt:accueil:v3:r1", the current one is "prompt:accueil:v3:r2"',
        keyword: 'staleCopy',
      },
    ]);
    // A prefix this service never issues is no other resource: a stale copy, as before.
    expect(refusal('"reftable:accueil:r1"')![0]).toBe('changed since');
    // A list holding one of this resource's tags is a stale copy of it too.
    expect(refusal('"experiment:x:v1:r1", "prompt:accueil:v2:r9"')![0]).toBe('changed since');
  });
});
