import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { ReviewsWaiting } from './ReviewsWaiting';

const open = (id: string, overdue: boolean) => ({ id, decisionId: `d-${id}`, status: 'open', overdue });

describe('ReviewsWaiting', () => {
  it('tells a reviewer how many requests wait and how many are overdue, linking to the queue', async () => {
    const api = fakeApi({
      'GET /api/v1/reviews': {
        body: [open('1', true), open('2', false), open('3', false)],
        headers: { 'Content-Range': 'reviews 0-2/3' },
      },
    });
    renderConsole(<ReviewsWaiting />, ['risk']);
    const link = await screen.findByRole('link', { name: '3 demandes de révision ouvertes (1 en retard)' });
    expect(link.getAttribute('href')).toContain('/reviews');
    expect(decodeURIComponent(api.calls[0]!.url)).toContain('filter={"status":"open"}');
  });

  it('says nothing to those who do not decide reviews', async () => {
    const api = fakeApi({});
    renderConsole(<ReviewsWaiting />, ['analyst']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link')).toBeNull();
    expect(api.calls).toEqual([]);
  });
});
