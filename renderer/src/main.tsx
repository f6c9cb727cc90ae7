import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { applyTheme, storedTheme } from './lib/theme.js';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/context-list.css';
import './styles/shell.css';
import './styles/detail.css';
import './styles/import.css';
import './styles/lifecycle.css';
import './styles/issuing.css';
import './styles/sweep.css';

// A failed call is a state to show (locked, missing, damaged), not a network blip: no retries. Change
// events from the main side refetch, so focus and intervals need not.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
    mutations: { retry: false },
  },
});

applyTheme(storedTheme());

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
