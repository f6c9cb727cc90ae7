import { useState } from 'react';
import { Button, Label, TextArea, TextField } from 'react-aria-components';

/** A free-text note kept in the vault only (talosctl's file never holds it). */
export function NoteEditor({
  note,
  saving,
  onSave,
}: {
  note: string;
  saving: boolean;
  onSave: (note: string) => void;
}) {
  const [text, setText] = useState(note);
  const changed = text !== note;
  return (
    <form
      className="stack-tight"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text);
      }}
    >
      <TextField className="field" value={text} onChange={setText} maxLength={10_000}>
        <Label>Note</Label>
        <TextArea
          className="text-input"
          rows={3}
          placeholder="Who it is for, where it came from, when to rotate it…"
        />
      </TextField>
      <div className="button-row">
        <Button type="submit" className="button" isDisabled={!changed || saving}>
          {saving ? 'Saving…' : 'Save note'}
        </Button>
      </div>
    </form>
  );
}
