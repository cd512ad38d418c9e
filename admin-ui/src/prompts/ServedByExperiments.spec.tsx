import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../common/testing/fake-api';
import { ServedByExperiments } from './PromptShow';

describe('publishing a prompt an experiment serves', () => {
  it('says that the experiment’s subjects get the published version only once it is stopped', async () => {
    renderConsole(
      <ServedByExperiments
        served={[
          { experiment: 'chatbot-brievete', version: 3, control: true, fallback: false, variant: 'détaillée' },
          { experiment: 'chatbot-brievete', version: 4, control: false, fallback: false, variant: 'concise' },
        ]}
      />,
    );
    expect(
      await screen.findByText(/^L'expérience «\s?chatbot-brievete\s?» sert ce gabarit à ses participants/),
    ).toBeTruthy();
  });

  it('says nothing when no experiment serves it', () => {
    const { container } = renderConsole(<ServedByExperiments served={[]} />);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
