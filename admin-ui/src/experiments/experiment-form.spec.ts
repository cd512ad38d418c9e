import { describe, expect, it } from 'vitest';
import { toProblem } from '../common/api-error';
import {
  experimentActions,
  experimentPhase,
  fieldErrors,
  fromContent,
  publishedVersionChoices,
  toCreateRequest,
  toDraftRequest,
} from './experiment-form';

describe('experiment form values', () => {
  it('builds the create request with coverage as a share and numbers for versions and weights', () => {
    const values = {
      key: ' chatbot-ton ',
      name: 'Ton ',
      prompt: 'chatbot-answer',
      coverage: '25',
      variants: [
        { name: 'a', version: '2', weight: '70' },
        { name: 'b ', version: 1, weight: 30 },
      ],
    };
    expect(toCreateRequest(values)).toEqual({
      key: 'chatbot-ton',
      name: 'Ton',
      prompt: 'chatbot-answer',
      coverage: 0.25,
      variants: [
        { name: 'a', version: 2, weight: 70 },
        { name: 'b', version: 1, weight: 30 },
      ],
    });
    expect(toDraftRequest({ ...values, coverage: 33.333333 })).toEqual({
      coverage: 0.3333,
      variants: [
        { name: 'a', version: 2, weight: 70 },
        { name: 'b', version: 1, weight: 30 },
      ],
    });
  });

  it('sends an empty version as null so the API names the field', () => {
    expect(
      JSON.parse(JSON.stringify(toDraftRequest({ coverage: 100, variants: [{ name: 'a', version: '', weight: 1 }] }))),
    ).toEqual({ coverage: 1, variants: [{ name: 'a', version: null, weight: 1 }] });
  });

  it('shows a stored version as percentages', () => {
    expect(fromContent({ prompt: 'p', coverage: 0.125, variants: [{ name: 'a', version: 1, weight: 1 }] })).toEqual({
      prompt: 'p',
      coverage: 12.5,
      variants: [{ name: 'a', version: 1, weight: 1 }],
    });
  });
});

describe('fieldErrors', () => {
  it('puts each API detail on its field and keeps the others for the alert', () => {
    const problem = toProblem({
      status: 400,
      body: {
        error: 'validation_failed',
        message: 'The experiment has 3 problem(s).',
        details: [
          { path: '/variants/1/name', message: 'the variant name "a" is used twice' },
          { path: '/variants/1/version', message: 'version 9 of "p" is not published' },
          { path: '/key', message: 'is already taken' },
          { path: '/variants/0', message: "must have required property 'weight'" },
          { path: '/', message: 'must NOT have additional properties' },
        ],
      },
    });
    expect(fieldErrors(problem)).toEqual({
      fields: {
        'variants.1.name': 'the variant name "a" is used twice',
        'variants.1.version': 'version 9 of "p" is not published',
        key: 'is already taken',
      },
      rest: [
        { path: '/variants/0', message: "must have required property 'weight'" },
        { path: '/', message: 'must NOT have additional properties' },
      ],
    });
  });
});

describe('experiment state', () => {
  it('offers only published or retired prompt versions, newest first', () => {
    const versions = [
      { number: 1, status: 'retired' },
      { number: 2, status: 'published' },
      { number: 3, status: 'approved' },
      { number: 4, status: 'draft' },
    ];
    expect(publishedVersionChoices(versions)).toEqual([
      { id: 2, status: 'published' },
      { id: 1, status: 'retired' },
    ]);
  });

  it('tells a draft, a scheduled start, a running and a stopped experiment apart', () => {
    expect(experimentPhase({ activeVersion: null })).toBe('not_started');
    expect(experimentPhase({ activeVersion: null, scheduled: [{ version: 1 }] })).toBe('scheduled');
    expect(experimentPhase({ activeVersion: 1, archived: false })).toBe('running');
    expect(experimentPhase({ activeVersion: 1, archived: true })).toBe('stopped');
  });

  it('lets analysts edit and approvers stop, nobody once it is stopped', () => {
    const running = { archived: false, activeVersion: 1 };
    expect(experimentActions(running, ['analyst'])).toEqual({ edit: true, stop: false });
    expect(experimentActions(running, ['approver', 'risk'])).toEqual({ edit: false, stop: true });
    expect(experimentActions(running, ['admin'])).toEqual({ edit: false, stop: false });
    expect(experimentActions({ ...running, archived: true }, ['analyst', 'approver'])).toEqual({
      edit: false,
      stop: false,
    });
    // Nothing to stop before it starts; a scheduled start can be called off.
    const notStarted = { archived: false, activeVersion: null, scheduled: [] };
    expect(experimentActions(notStarted, ['approver'])).toEqual({ edit: false, stop: false });
    expect(experimentActions({ ...notStarted, scheduled: [{ version: 1 }] }, ['approver']).stop).toBe(true);
  });
});
