import type { HTMLAttributes } from 'react';

/**
 * What an Autocomplete of codes needs to list each with its words and find it by either: the fields of a rule
 * (« Total avec taxes — invoice.total »), a schema's coded values and decisions (« Non admissible (ineligible) »).
 * The box itself keeps the code, which is what is stored. `shown` writes a code and its words as the list says them.
 */
export function wordedOptions(
  wordsOf: (code: string) => string | undefined,
  shown: (code: string, words: string) => string,
) {
  const line = (code: string) => {
    const words = wordsOf(code);
    return words && words !== code ? shown(code, words) : code;
  };
  return {
    renderOption: ({ key: _key, ...props }: HTMLAttributes<HTMLLIElement> & { key?: unknown }, code: string) => (
      <li {...props} key={code}>
        {line(code)}
      </li>
    ),
    filterOptions: (codes: string[], { inputValue }: { inputValue: string }) => {
      const typed = inputValue.trim().toLowerCase();
      return codes.filter((code) => line(code).toLowerCase().includes(typed));
    },
  };
}
