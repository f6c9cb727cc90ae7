import { useState } from 'react';
import {
  Button,
  CheckboxButton,
  CheckboxField,
  CheckboxGroup,
  Dialog,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  RadioButton,
  RadioField,
  RadioGroup,
  TextField,
} from 'react-aria-components';
import { formatDuration } from '../../../shared/duration.js';
import { roleCatalog } from '../../../shared/roles/catalog.js';
import type { TalosError } from '../api/bridge-types.js';
import type { ElevateArgs } from '../hooks/use-lifecycle-actions.js';
import { ErrorBanner } from './ErrorBanner.js';

const presets = [15 * 60, 30 * 60, 60 * 60, 2 * 3600, 4 * 3600, 8 * 3600, 24 * 3600];

export interface ElevateDialogProps {
  context: string;
  /** The vault's `elevateMaxTtlSeconds`: longer presets are not offered. */
  maxSeconds: number;
  pending: boolean;
  error: TalosError | null;
  onElevate: (args: ElevateArgs) => void;
  onClose: () => void;
}

/**
 * Just-in-time privilege: roles, a short duration (15 minutes unless chosen otherwise) and a reason for the
 * log. os:admin and os:impersonator need a second, explicit yes that says why they are dangerous.
 */
export function ElevateDialog({
  context,
  maxSeconds,
  pending,
  error,
  onElevate,
  onClose,
}: ElevateDialogProps) {
  const [roles, setRoles] = useState<string[]>([]);
  const [seconds, setSeconds] = useState(String(presets[0]));
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const powerful = roleCatalog.filter((info) => info.adminEquivalent && roles.includes(info.role));
  const ready = roles.length > 0 && reason.trim() !== '' && (powerful.length === 0 || confirmed);
  const offered = presets.filter((preset) => preset <= maxSeconds);
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog" aria-labelledby="elevate-title">
          <form
            className="stack elevate-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!ready) return;
              onElevate({
                name: context,
                roles,
                reason: reason.trim(),
                ttlSeconds: Number(seconds),
                allowAdmin: powerful.length > 0 && confirmed,
              });
            }}
          >
            <Heading slot="title" id="elevate-title" className="dialog-title">
              Elevate {context}
            </Heading>
            <p className="dialog-lead">
              A short-lived certificate with the roles you need, as <code>{context}-elevated</code>. talosctl
              switches to it now and back to {context} when it ends.
            </p>
            <CheckboxGroup className="field role-columns" value={roles} onChange={setRoles} isRequired>
              <Label>Roles</Label>
              {roleCatalog.map((info) => (
                <CheckboxField key={info.role} value={info.role}>
                  <CheckboxButton className="checkbox">
                    <span className="checkbox-box" aria-hidden="true" />
                    <span>
                      <code>{info.role}</code> <span className="check-detail">{info.description}</span>
                    </span>
                  </CheckboxButton>
                </CheckboxField>
              ))}
            </CheckboxGroup>
            <RadioGroup className="field" value={seconds} onChange={setSeconds} orientation="horizontal">
              <Label>For</Label>
              <div className="radio-row">
                {offered.map((preset) => (
                  <RadioField key={preset} value={String(preset)}>
                    <RadioButton className="radio-pill">{formatDuration(preset)}</RadioButton>
                  </RadioField>
                ))}
              </div>
              <span className="field-hint">
                At most {formatDuration(maxSeconds)} (setting: elevation maximum).
              </span>
            </RadioGroup>
            <TextField className="field" value={reason} onChange={setReason} isRequired>
              <Label>Reason</Label>
              <Input className="text-input" placeholder="e.g. upgrade node cp-1 to 1.12" />
              <span className="field-hint">Kept in the issuance log with the roles and the time.</span>
            </TextField>
            {powerful.length > 0 && (
              <CheckboxField isSelected={confirmed} onChange={setConfirmed}>
                <CheckboxButton className="checkbox checkbox-danger">
                  <span className="checkbox-box" aria-hidden="true" />
                  <span>
                    I understand that {powerful.map((info) => info.role).join(' and ')} can do anything on
                    this cluster, secrets and machine configuration included.
                  </span>
                </CheckboxButton>
              </CheckboxField>
            )}
            {error && <ErrorBanner error={error} />}
            <div className="button-row dialog-actions">
              <Button className="button" onPress={onClose}>
                Cancel
              </Button>
              <Button type="submit" className="button button-primary" isDisabled={!ready || pending}>
                {pending ? 'Elevating…' : 'Elevate'}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
