import { Input, Label, TextField } from 'react-aria-components';

/** A plain text field on one line (identity, context name, endpoints, nodes). */
export function LineField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <TextField className="field" value={props.value} onChange={props.onChange}>
      <Label>{props.label}</Label>
      <Input className="text-input" placeholder={props.placeholder ?? ''} spellCheck={false} />
      {props.hint !== undefined && <span className="field-hint">{props.hint}</span>}
    </TextField>
  );
}
