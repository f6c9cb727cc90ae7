import { formatDuration, parseDuration } from '../../../shared/duration.js';
import { UsageError } from '../../../shared/user-error.js';
import { MAX_ELEVATION_SECONDS, type VaultSettings } from '../../../shared/vault/vault-document.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred settings [KEY=VALUE...] [--json]

Shows the vault settings; with KEY=VALUE items, changes them first.

  mode=active|all         what \`talcred use\` writes for talosctl: only the current context (default), or
                          every context (the change is applied to the file at once)
  foreign=import|backup   contexts found in talosctl's file that the vault lacks: import them (default), or
                          back the file up as FILE.bak-TIMESTAMP before overwriting it
  warn-days=N             warn this many days before a certificate expires (default 14)
  default-ttl=DURATION    lifetime of issued certificates when --ttl is not given (default 7d)
  max-ttl=DURATION        the longest lifetime \`talcred issue\` and \`sign\` allow (default 365d)
  auto-renew=on|off       the app renews due renewable contexts at start and hourly (default off)
  elevate-max-ttl=DURATION the longest \`talcred elevate\` allows (default 1h, at most 24h)
  auto-lock=DURATION|off  the app locks after this long without input (default 15m)
  clear-on-lock=on|off    locking the app also empties talosctl's file (default on)
  theme=system|light|dark the app's colours (default system: as the operating system)

Durations: 90m, 8h, 7d, 2w.`;

type Change = Partial<VaultSettings>;

const keys: Record<string, (value: string, change: Change) => void> = {
  mode: (value, change) => {
    if (value !== 'active' && value !== 'all')
      throw new UsageError(`mode must be "active" or "all", not "${value}"`);
    change.targetMode = value;
  },
  foreign: (value, change) => {
    if (value !== 'import' && value !== 'backup') {
      throw new UsageError(`foreign must be "import" or "backup", not "${value}"`);
    }
    change.foreignContexts = value;
  },
  'warn-days': (value, change) => {
    if (!/^\d{1,4}$/.test(value))
      throw new UsageError(`warn-days must be a whole number of days, not "${value}"`);
    change.expiryWarningDays = Number(value);
  },
  'default-ttl': (value, change) => {
    change.defaultTtlSeconds = parseDuration(value);
  },
  'max-ttl': (value, change) => {
    change.maxTtlSeconds = parseDuration(value);
  },
  'auto-renew': (value, change) => {
    if (value !== 'on' && value !== 'off')
      throw new UsageError(`auto-renew must be "on" or "off", not "${value}"`);
    change.autoRenew = value === 'on';
  },
  'elevate-max-ttl': (value, change) => {
    const seconds = parseDuration(value);
    if (seconds > MAX_ELEVATION_SECONDS) {
      throw new UsageError(
        `elevate-max-ttl is at most ${formatDuration(MAX_ELEVATION_SECONDS)}, not ${value}`,
      );
    }
    change.elevateMaxTtlSeconds = seconds;
  },
  'auto-lock': (value, change) => {
    change.autoLockSeconds = value === 'off' ? 0 : parseDuration(value);
  },
  'clear-on-lock': (value, change) => {
    if (value !== 'on' && value !== 'off')
      throw new UsageError(`clear-on-lock must be "on" or "off", not "${value}"`);
    change.clearTalosconfigOnLock = value === 'on';
  },
  theme: (value, change) => {
    if (value !== 'system' && value !== 'light' && value !== 'dark') {
      throw new UsageError(`theme must be "system", "light" or "dark", not "${value}"`);
    }
    change.theme = value;
  },
};

function describe(settings: VaultSettings): string[] {
  const rows: [string, string][] = [
    ['mode', settings.targetMode],
    ['foreign', settings.foreignContexts],
    ['warn-days', String(settings.expiryWarningDays)],
    ['default-ttl', formatDuration(settings.defaultTtlSeconds)],
    ['max-ttl', formatDuration(settings.maxTtlSeconds)],
    ['auto-renew', settings.autoRenew ? 'on' : 'off'],
    ['elevate-max-ttl', formatDuration(settings.elevateMaxTtlSeconds)],
    ['auto-lock', settings.autoLockSeconds === 0 ? 'off' : formatDuration(settings.autoLockSeconds)],
    ['clear-on-lock', settings.clearTalosconfigOnLock ? 'on' : 'off'],
    ['theme', settings.theme],
  ];
  const width = Math.max(...rows.map(([key]) => key.length)) + 2;
  return rows.map(([key, value]) => `${key.padEnd(width)}${value}`);
}

export const settingsCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('settings', argv, { json: { type: 'boolean' } });
    const change: Change = {};
    for (const item of positionals) {
      const [key = '', value] = item.split(/=(.*)/s, 2);
      const apply = Object.hasOwn(keys, key) ? keys[key] : undefined;
      if (!apply || value === undefined) {
        throw new UsageError(`"${item}" is not KEY=VALUE with KEY one of ${Object.keys(keys).join(', ')}`);
      }
      apply(value, change);
    }
    const settings = await openServices(io, globals).vault.settings({ set: change });
    if (values.json === true) printJson(io, settings);
    else for (const line of describe(settings)) writeLine(io.stdout, line);
    return ExitCode.ok;
  },
};
