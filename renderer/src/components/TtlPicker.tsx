import { Input, Label, TextField } from 'react-aria-components';
import { formatDuration, parseDuration } from '../../../shared/duration.js';
import { ttlPresets } from '../lib/ttl-presets.js';
import { RadioChoices } from './Choices.js';

export interface TtlChoice {
  choice: string;
  custom: string;
}

/** Seconds for a choice, or the reason it is not a lifetime the vault allows. */
export function ttlSeconds(ttl: TtlChoice, maxTtlSeconds: number): { seconds: number } | { problem: string } {
  const preset = ttlPresets(maxTtlSeconds).find((entry) => entry.id === ttl.choice);
  if (preset) return { seconds: preset.seconds };
  let seconds: number;
  try {
    seconds = parseDuration(ttl.custom);
  } catch {
    return { problem: 'Type a lifetime such as 90m, 12h, 30d or 2w.' };
  }
  if (seconds > maxTtlSeconds)
    return { problem: `The vault allows at most ${formatDuration(maxTtlSeconds)}.` };
  return { seconds };
}

/** Lifetime presets within the policy, a custom one, and the maximum said plainly. */
export function TtlPicker(props: {
  ttl: TtlChoice;
  maxTtlSeconds: number;
  onChange: (ttl: TtlChoice) => void;
}) {
  const { ttl, maxTtlSeconds, onChange } = props;
  const result = ttlSeconds(ttl, maxTtlSeconds);
  const options = [
    ...ttlPresets(maxTtlSeconds).map((preset) => ({ value: preset.id, label: preset.label })),
    { value: 'custom', label: 'Custom' },
  ];
  return (
    <fieldset className="form-section">
      <legend>Lifetime</legend>
      <RadioChoices
        label="Valid for"
        orientation="horizontal"
        hint={`The vault allows at most ${formatDuration(maxTtlSeconds)}. Talos cannot revoke: short lifetimes are the real control.`}
        value={ttl.choice}
        onChange={(choice) => {
          onChange({ ...ttl, choice });
        }}
        options={options}
      />
      {ttl.choice === 'custom' && (
        <TextField
          className="field field-narrow"
          value={ttl.custom}
          onChange={(custom) => {
            onChange({ ...ttl, custom });
          }}
          isInvalid={'problem' in result && ttl.custom !== ''}
        >
          <Label>Custom lifetime</Label>
          <Input className="text-input" placeholder="e.g. 30d" />
          {'problem' in result && ttl.custom !== '' && (
            <span className="field-error" role="status">
              {result.problem}
            </span>
          )}
        </TextField>
      )}
    </fieldset>
  );
}
