import { FieldError, Input, Label, TextField } from 'react-aria-components';

export interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `current-password` to unlock, `new-password` to create: password managers tell them apart. */
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  /** Shown under the field when set; the field is then marked invalid. */
  invalidMessage?: string | undefined;
}

export function PassphraseField(props: PassphraseFieldProps) {
  const { label, value, onChange, autoComplete, autoFocus = false, invalidMessage } = props;
  return (
    <TextField
      className="field"
      type="password"
      value={value}
      onChange={onChange}
      isRequired
      autoFocus={autoFocus}
      isInvalid={invalidMessage !== undefined}
    >
      <Label>{label}</Label>
      <Input className="text-input" autoComplete={autoComplete} />
      {invalidMessage !== undefined && <FieldError className="field-error">{invalidMessage}</FieldError>}
    </TextField>
  );
}
