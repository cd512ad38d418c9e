/** A cell's text as a wide screen shows it: without the column name said before it on a phone only (PhoneLabel). */
export function textBesidePhoneLabel(cell: Element): string | null {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('[data-phone-label]').forEach((label) => label.remove());
  return copy.textContent;
}
