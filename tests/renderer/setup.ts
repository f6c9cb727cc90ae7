import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library cleans up by itself only where vitest globals are on; they are not here.
afterEach(() => {
  cleanup();
});

// jsdom lays nothing out: every element is 0×0, so the virtual list would think its viewport empty and
// draw no rows. A fixed viewport size lets it draw a screenful, as a browser would.
Object.defineProperties(Element.prototype, {
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1000 },
});
