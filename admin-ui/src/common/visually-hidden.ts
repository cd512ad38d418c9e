/** Read by screen readers, not drawn: the usual clip of one pixel. */
export const visuallyHidden = {
  position: 'absolute',
  // Pinned to its container's corner: left where it fell, after a toolbar, it widened a phone's page by 7 pixels.
  top: 0,
  left: 0,
  width: 1,
  height: 1,
  margin: '-1px',
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
