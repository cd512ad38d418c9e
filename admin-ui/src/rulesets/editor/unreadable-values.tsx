import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';

type Report = (box: string, unreadable: boolean) => void;

const UnreadableValues = createContext<Report | null>(null);

/**
 * Which value boxes hold text that cannot be read yet (« abc » where a number goes, an empty priority). Such a box
 * keeps what was typed but has passed nothing on, so saving would store the value from before: the editor holds
 * Save while any is unreadable. Answers the count and a provider for the boxes below.
 */
export function useUnreadableValues(): { count: number; Provider: (props: { children: ReactNode }) => ReactNode } {
  const [boxes, setBoxes] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback<Report>((box, unreadable) => {
    setBoxes((current) => {
      if (current.has(box) === unreadable) return current;
      const next = new Set(current);
      if (unreadable) next.add(box);
      else next.delete(box);
      return next;
    });
  }, []);
  const Provider = useMemo(
    () =>
      function UnreadableValuesProvider({ children }: { children: ReactNode }) {
        return <UnreadableValues.Provider value={report}>{children}</UnreadableValues.Provider>;
      },
    [report],
  );
  return { count: boxes.size, Provider };
}

/** Tells the editor whether this box's text is unreadable; a box that goes away stops counting. */
export function useReportUnreadable(unreadable: boolean): void {
  const report = useContext(UnreadableValues);
  const box = useId();
  useEffect(() => {
    report?.(box, unreadable);
  }, [report, box, unreadable]);
  useEffect(() => () => report?.(box, false), [report, box]);
}
