import type { ReactNode } from 'react';
import {
  CheckboxButton,
  CheckboxField,
  CheckboxGroup,
  Label,
  RadioButton,
  RadioField,
  RadioGroup,
  Text,
} from 'react-aria-components';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

function ChoiceText({ option }: { option: ChoiceOption }) {
  return (
    <span className="choice-text">
      {option.label}
      {option.description !== undefined && <span className="choice-description">{option.description}</span>}
    </span>
  );
}

/** A labelled group of checkboxes (tasks, roles): keyboard-reachable, each found by its label. */
export function CheckChoices(props: {
  label: string;
  options: readonly ChoiceOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: string;
}) {
  return (
    <CheckboxGroup className="choice-group" value={[...props.value]} onChange={props.onChange}>
      <Label className="group-label">{props.label}</Label>
      {props.hint !== undefined && (
        <Text slot="description" className="field-hint">
          {props.hint}
        </Text>
      )}
      {props.options.map((option) => (
        <CheckboxField key={option.value} value={option.value}>
          <CheckboxButton className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            <ChoiceText option={option} />
          </CheckboxButton>
        </CheckboxField>
      ))}
    </CheckboxGroup>
  );
}

/** A labelled group of radio buttons; `orientation` lays short options in a row. */
export function RadioChoices(props: {
  label: string;
  options: readonly ChoiceOption[];
  value: string;
  onChange: (value: string) => void;
  orientation?: 'horizontal' | 'vertical';
  hint?: string;
}) {
  return (
    <RadioGroup
      className={props.orientation === 'horizontal' ? 'choice-group choice-row' : 'choice-group'}
      value={props.value}
      onChange={props.onChange}
      orientation={props.orientation ?? 'vertical'}
    >
      <Label className="group-label">{props.label}</Label>
      {props.hint !== undefined && (
        <Text slot="description" className="field-hint">
          {props.hint}
        </Text>
      )}
      <div className="choice-options">
        {props.options.map((option) => (
          <RadioField key={option.value} value={option.value}>
            <RadioButton className="radio">
              <span className="radio-dot" aria-hidden="true" />
              <ChoiceText option={option} />
            </RadioButton>
          </RadioField>
        ))}
      </div>
    </RadioGroup>
  );
}

/** One checkbox on its own (a confirmation, "store in the vault"). */
export function CheckOne(props: {
  isSelected: boolean;
  onChange: (value: boolean) => void;
  children: ReactNode;
}) {
  return (
    <CheckboxField isSelected={props.isSelected} onChange={props.onChange}>
      <CheckboxButton className="checkbox">
        <span className="checkbox-box" aria-hidden="true" />
        <span className="choice-text">{props.children}</span>
      </CheckboxButton>
    </CheckboxField>
  );
}
