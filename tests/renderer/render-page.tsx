import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { fakeBridge, type FakeHandler } from '../support/fake-bridge.js';

/** A page over a fake `window.talos` (the real bridge code over plain handlers) with its own query cache. */
export function renderPage(page: ReactElement, handlers: Record<string, FakeHandler>) {
  const fake = fakeBridge(handlers);
  window.talos = fake.bridge;
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return { ...render(<QueryClientProvider client={client}>{page}</QueryClientProvider>), client, fake };
}
