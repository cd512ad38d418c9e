import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { problemHeadline, type Problem } from './api-error';

/** An API error in words, with each problem's place, announced to screen readers. */
export const ProblemAlert = ({ problem, onClose }: { problem: Problem; onClose?: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert severity="error" role="alert" onClose={onClose} sx={{ my: 2 }}>
      {problemHeadline(problem, translate)}
      {problem.details.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {problem.details.map((d) => (
            <li key={`${d.path}|${d.message}`}>
              <code>{d.path}</code> : {d.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
};
