import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { shownValues, type Change } from './conflict';

interface Props {
  changes: Change[];
  onTakeTheirs: () => void;
  onKeepMine: () => void;
  /**
   * Names a changed place in words, as the editor does (« Règle « Montant élevé » »); the pointer stays beside it.
   * The kind tells where to read the place: a removed rule is named from the editor's copy, others from theirs.
   */
  placeOf?: (path: string, kind: Change['kind']) => string;
}

/** Someone saved the draft since this editor loaded it: say what they changed, and let the analyst choose. */
export const ConflictDialog = ({ changes, onTakeTheirs, onKeepMine, placeOf }: Props) => {
  const translate = useTranslate();
  return (
    <Dialog open aria-labelledby="conflict-title" fullWidth maxWidth="md">
      <DialogTitle id="conflict-title">{translate('gabarit.errors.stale_etag')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {translate('gabarit.editors.conflict_text', { smart_count: changes.length })}
        </DialogContentText>
        <List dense>
          {changes.slice(0, 50).map((c) => (
            <ListItem key={c.path} divider>
              <ListItemText
                primary={
                  <>
                    {translate(`gabarit.editors.change_${c.kind}`)}{' '}
                    <Place path={c.path} words={placeOf?.(c.path, c.kind)} />
                  </>
                }
                secondary={shownValues(c).join(' → ')}
                // Long pointers and values wrap on a phone: the dialog was 795 px wide in 326.
                slotProps={{
                  primary: { sx: { overflowWrap: 'anywhere' } },
                  secondary: { sx: { fontFamily: 'monospace', overflowWrap: 'anywhere' } },
                }}
              />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onTakeTheirs}>{translate('gabarit.editors.take_theirs')}</Button>
        <Button variant="contained" color="error" onClick={onKeepMine}>
          {translate('gabarit.editors.keep_mine')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** A place in words with its pointer in brackets (the JSON tabs speak pointers); the pointer alone when no words. */
const Place = ({ path, words }: { path: string; words: string | undefined }) =>
  words === undefined || words === path ? (
    <code>{path}</code>
  ) : (
    <>
      {words} (<code>{path}</code>)
    </>
  );
