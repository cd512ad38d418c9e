import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { CompletionPreview } from './CompletionPreview';

const COMPLETE = '/api/v1/prompts/chatbot-answer/complete';
const answer = (text: string, stopReason: string) => ({
  prompt: 'chatbot-answer',
  version: 3,
  text,
  usage: { inputTokens: 120, outputTokens: 700 },
  stopReason,
  completionId: 'c1',
  logged: true,
});

const ask = async () => {
  renderConsole(<CompletionPreview promptKey="chatbot-answer" variables={{ question: 'Où ?' }} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Demander une réponse' }));
};

describe('asking the model from the prompt editor', () => {
  it('says it waits, then shows the answer', async () => {
    let release: (value: unknown) => void = () => undefined;
    const held = new Promise((resolve) => (release = resolve));
    fakeApi({ [`POST ${COMPLETE}`]: () => ({ body: answer('Voici la réponse.', 'end_turn') }) });
    const fetchWithDelay = globalThis.fetch;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      await held;
      return fetchWithDelay(...args);
    }) as typeof fetch;
    await ask();
    expect(await screen.findByText('En attente de la réponse du modèle…')).toBeTruthy();
    release(undefined);
    expect(await screen.findByText('Voici la réponse.')).toBeTruthy();
    expect(screen.queryByText('En attente de la réponse du modèle…')).toBeNull();
  });

  it('says an empty answer is empty, not a success', async () => {
    fakeApi({ [`POST ${COMPLETE}`]: { body: answer('  ', 'end_turn') } });
    await ask();
    expect(await screen.findByText(/^Le modèle n’a rien répondu/)).toBeTruthy();
  });

  it('says an answer cut at the version’s token limit is cut', async () => {
    fakeApi({ [`POST ${COMPLETE}`]: { body: answer('Le début de la réponse, puis', 'max_tokens') } });
    await ask();
    expect(await screen.findByText(/^Réponse coupée/)).toBeTruthy();
    expect(screen.getByText('Le début de la réponse, puis')).toBeTruthy();
  });
});
