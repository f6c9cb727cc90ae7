import type { TalosError } from '../api/bridge-types.js';
import { ErrorBanner } from './ErrorBanner.js';

/** A section page whose data could not be read: the failure in its own words, where the page would be. */
export function PageError({ title, error }: { title: string; error: TalosError }) {
  return (
    <div className="screen page-screen">
      <header className="app-header">
        <h1 className="app-title">{title}</h1>
      </header>
      <div className="page-body">
        <ErrorBanner error={error} />
      </div>
    </div>
  );
}

export function PageLoading({ title, what }: { title: string; what: string }) {
  return (
    <div className="screen page-screen" aria-busy="true">
      <header className="app-header">
        <h1 className="app-title">{title}</h1>
      </header>
      <p className="loading page-body">{what}</p>
    </div>
  );
}
