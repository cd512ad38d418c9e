import { Alert } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { problemHeadline, type Problem } from './api-error';

/** An API error in words (and what the screen adds after it), with each problem's place, announced to screen readers. */
export const ProblemAlert = ({
  problem,
  onClose,
  children,
}: {
  problem: Problem;
  onClose?: () => void;
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
              <code>{d.path}</code> : <span lang={d.lang}>{d.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
};
