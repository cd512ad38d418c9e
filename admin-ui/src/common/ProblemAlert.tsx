import { Alert } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { problemHeadline, type Problem } from './api-error';

/**
 * An API error in words (and what the screen adds after it), with each problem's place, announced to screen readers.
 * `placeOf` names a place in words where the screen knows how (« Règle « Montant élevé » »); the pointer stays beside
 * it for whoever reads the JSON. A problem with the whole document (`/`) has no place to name.
 */
export const ProblemAlert = ({
  problem,
  onClose,
  placeOf,
  children,
}: {
  problem: Problem;
  onClose?: () => void;
  placeOf?: (path: string) => string;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Alert severity="error" role="alert" onClose={onClose} sx={{ my: 2 }}>
      {problemHeadline(problem, translate)} {children}
      {problem.details.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {problem.details.map((d) => (
            <li key={`${d.path}|${d.message}`}>
              <Place path={d.path} words={placeOf?.(d.path)} />
              <span lang={d.lang}>{d.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
};

const Place = ({ path, words }: { path: string; words: string | undefined }) => {
  // French puts a space before the colon, English does not.
  const [locale] = useLocaleState();
  const colon = locale === 'fr' ? '\u00a0:' : ':';
  if (path === '/' || path === '') return null;
  if (words === undefined || words === path)
    return (
      <>
        <code>{path}</code>
        {colon}{' '}
      </>
    );
  return (
    <>
      {words} (<code>{path}</code>){colon}{' '}
    </>
  );
};
