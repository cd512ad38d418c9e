import { Autocomplete, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { KNOWN_OUTCOMES, outcomeWords } from '../../common/outcomes';
import { wordedOptions } from '../../common/worded-options';

interface Props {
  label: string;
  value: string | undefined;
  /** The outcomes this definition already gives: offered beside the service's own. */
  used: string[];
  errors?: string[];
  onChange: (type: string) => void;
  width?: number;
}

/**
 * A decision's type: the outcomes the service knows and those the definition already gives are offered in words
 * (« Non admissible (ineligible) »), and a new one can still be typed. A free text box let « ineligible » become
 * « ineligiblerevue_manuelle » unseen; the words under the box say which decision the code is.
 */
export const OutcomeInput = ({ label, value, used, errors = [], onChange, width = 220 }: Props) => {
  const translate = useTranslate();
  // What this box holds is written to the definition as it is typed: counted once less, so a half-typed code is
  // not offered back as a decision the definition gives.
  const others = [...used];
  const own = others.indexOf(value ?? '');
  if (own >= 0) others.splice(own, 1);
  const options = [...new Set([...KNOWN_OUTCOMES, ...others.filter(Boolean)])];
  const words = value ? outcomeWords(value, translate) : undefined;
  return (
    <Autocomplete
      freeSolo
      size="small"
      options={options}
      inputValue={value ?? ''}
      onInputChange={(_, next, reason) => {
        if (reason === 'reset' && next === (value ?? '')) return;
        onChange(next);
      }}
      {...wordedOptions(
        (code) => outcomeWords(code, translate),
        (code, words) => `${words} (${code})`,
      )}
      sx={{ width }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={errors.length > 0}
          helperText={errors.join(' ') || (words && words !== value ? words : undefined)}
        />
      )}
    />
  );
};
