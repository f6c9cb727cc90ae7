import { useState } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';

export interface LabelsEditorProps {
  labels: Readonly<Record<string, string>>;
  saving: boolean;
  onSet: (key: string, value: string) => void;
  onRemove: (key: string) => void;
}

function labelProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const cut = text.indexOf('=');
  if (cut <= 0) return 'Write a label as key=value, e.g. team=platform.';
  const key = text.slice(0, cut).trim();
  if (key === '__proto__') return 'That label name is not allowed.';
  if (key.length > 200) return 'A label name is at most 200 characters.';
  return null;
}

/** Labels as key=value chips, each removable, and one field to add or change a label. */
export function LabelsEditor({ labels, saving, onSet, onRemove }: LabelsEditorProps) {
  const [text, setText] = useState('');
  const problem = labelProblem(text);
  const entries = Object.entries(labels);
  return (
    <div className="stack-tight">
      {entries.length === 0 ? (
        <p className="muted">No labels.</p>
      ) : (
        <ul className="label-list" aria-label="Labels">
          {entries.map(([key, value]) => (
            <li key={key} className="label-chip">
              <span>
                {key}={value}
              </span>
              <Button
                className="chip-remove"
                aria-label={`Remove label ${key}`}
                isDisabled={saving}
                onPress={() => {
                  onRemove(key);
                }}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (problem !== null || text.trim() === '') return;
          const cut = text.indexOf('=');
          onSet(text.slice(0, cut).trim(), text.slice(cut + 1).trim());
          setText('');
        }}
      >
        <TextField className="field grow" value={text} onChange={setText} isInvalid={problem !== null}>
          <Label>Add a label</Label>
          <Input className="text-input" placeholder="key=value" />
          {problem !== null && <FieldError className="field-error">{problem}</FieldError>}
        </TextField>
        <Button
          type="submit"
          className="button"
          isDisabled={saving || problem !== null || text.trim() === ''}
        >
          Add label
        </Button>
      </form>
    </div>
  );
}
