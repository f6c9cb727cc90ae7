import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ElevationBanner } from '../../renderer/src/components/ElevationBanner.js';
import { ExpiryBanner } from '../../renderer/src/components/ExpiryBanner.js';
import { countdown } from '../../renderer/src/lib/countdown.js';
import { dueContexts } from '../../renderer/src/lib/due-contexts.js';
import type { ContextItem } from '../../shared/contract/vault-contract.js';
import { NOW, contextItem, talosError } from '../support/context-items.js';

const finding = (code: 'cert-expiring-soon' | 'cert-expired') => ({
  code,
  severity: code === 'cert-expired' ? ('error' as const) : ('warning' as const),
  message: code,
});

const soon = contextItem('soon@prod', { renewable: true, findings: [finding('cert-expiring-soon')] });
const gone = contextItem('gone@prod', { renewable: true, findings: [finding('cert-expired')] });
const elsewhere = contextItem('elsewhere', { findings: [finding('cert-expiring-soon')] });
const fine = contextItem('fine@prod', { renewable: true });
const elevated: ContextItem = {
  ...contextItem('fine@prod-elevated', { findings: [finding('cert-expiring-soon')] }),
  elevation: {
    from: 'fine@prod',
    roles: ['os:admin'],
    reason: 'upgrade',
    notAfter: new Date(NOW.getTime() + 12 * 60_000 + 4_000).toISOString(),
  },
};

describe('what is due', () => {
  it('counts what expires soon or has expired, never an elevation, and which of them renew here', () => {
    const due = dueContexts([soon, gone, elsewhere, fine, elevated]);
    expect(due.expiring.map((item) => item.name)).toEqual(['soon@prod', 'elsewhere']);
    expect(due.expired.map((item) => item.name)).toEqual(['gone@prod']);
    expect(due.renewable.map((item) => item.name)).toEqual(['gone@prod', 'soon@prod']);
  });

  it('counts down to the second under an hour', () => {
    expect(countdown(new Date(NOW.getTime() + 12 * 60_000 + 4_000).toISOString(), NOW)).toBe('12:04 left');
    expect(countdown(new Date(NOW.getTime() + 65 * 60_000).toISOString(), NOW)).toBe('1 h 05 min left');
    expect(countdown(NOW.toISOString(), NOW)).toBe('ending');
  });
});

describe('ExpiryBanner', () => {
  it('names what is due and renews all the renewable ones in one click', async () => {
    const onRenewDue = vi.fn();
    render(
      <ExpiryBanner
        due={dueContexts([soon, gone, elsewhere])}
        renewing={false}
        result={null}
        error={null}
        onRenewDue={onRenewDue}
        onDismiss={vi.fn()}
      />,
    );
    const banner = screen.getByRole('region', { name: 'Expiring credentials' });
    expect(banner).toHaveTextContent('1 credential has expired · 2 credentials expire soon.');
    expect(banner).toHaveTextContent('gone@prod, soon@prod and elsewhere');
    expect(banner).toHaveTextContent('1 is signed by a CA this vault does not hold');
    await userEvent.click(within(banner).getByRole('button', { name: 'Renew all due (2)' }));
    expect(onRenewDue).toHaveBeenCalledWith(false);
  });

  it('says what the renewal did, and asks before renewing admin contexts', async () => {
    const onRenewDue = vi.fn();
    const onDismiss = vi.fn();
    render(
      <ExpiryBanner
        due={dueContexts([elsewhere])}
        renewing={false}
        result={{
          dryRun: false,
          renewed: [],
          notRenewable: [],
          needsAdmin: [{ context: 'admin@prod', roles: ['os:admin'] }],
          failed: [],
        }}
        error={talosError('vault-busy', 'another process holds the vault')}
        onRenewDue={onRenewDue}
        onDismiss={onDismiss}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Renewed 0 contexts.');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Renew all due/ })).toBeNull();
    expect(screen.getByText(/admin@prod holds os:admin or os:impersonator/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Renew admin contexts too' }));
    expect(onRenewDue).toHaveBeenCalledWith(true);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('shows nothing when nothing is due', () => {
    const { container } = render(
      <ExpiryBanner
        due={dueContexts([fine])}
        renewing={false}
        result={null}
        error={null}
        onRenewDue={vi.fn()}
        onDismiss={vi.fn()}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('ElevationBanner', () => {
  it('counts down, says the certificate outlives the end, and ends it on request', async () => {
    const onEnd = vi.fn();
    render(<ElevationBanner elevated={[elevated]} now={NOW} ending={null} error={null} onEnd={onEnd} />);
    const banner = screen.getByRole('region', { name: 'Elevated access' });
    expect(within(banner).getByRole('timer', { name: 'Time left for fine@prod-elevated' })).toHaveTextContent(
      '12:04 left',
    );
    expect(banner).toHaveTextContent('Talos cannot revoke');
    await userEvent.click(within(banner).getByRole('button', { name: 'End now' }));
    expect(onEnd).toHaveBeenCalledWith('fine@prod');
  });
});
