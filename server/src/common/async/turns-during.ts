/**
 * For tests of work that must not hold the event loop: runs `work` and counts the turns the loop took meanwhile
 * (a `setImmediate` that schedules itself again each turn). Work that never gives the loop back leaves none.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  const count = () => {
    turns++;
    timer = setImmediate(count);
  };
  let timer = setImmediate(count);
  try {
    return { result: await work(), turns };
  } finally {
    clearImmediate(timer);
  }
}
