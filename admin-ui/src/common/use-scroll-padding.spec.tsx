import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useScrollPaddingUnder } from './use-scroll-padding';

const Page = ({ sticky }: { sticky: boolean }) => {
  const bar = useScrollPaddingUnder<HTMLDivElement>();
  return <div ref={bar} style={{ position: sticky ? 'sticky' : 'static', top: '48px' }} />;
};

describe('scroll padding under a sticky bar', () => {
  it('keeps focused fields below the bar while it is sticky, and gives the page its padding back after', () => {
    const root = document.documentElement;
    const page = render(<Page sticky />);
    // The bar's top (48) and height (none in this DOM), with a margin of 8.
    expect(root.style.scrollPaddingTop).toBe('56px');
    page.unmount();
    expect(root.style.scrollPaddingTop).toBe('');
    render(<Page sticky={false} />);
    expect(root.style.scrollPaddingTop).toBe('');
  });
});
