import { Decrypter, Encrypter } from 'age-encryption';
import { ShareError } from './share-error.js';

/**
 * Checks one recipient by letting age-encryption parse it (bech32 checksum included), so a typo is caught
 * before anything is encrypted. Recipients are public, so the message may show them.
 */
export function checkRecipient(recipient: string): string {
  const value = recipient.trim();
  // The usual mix-up is pasting one's own identity where the recipient goes: that is a private key, so it
  // must not be echoed into a terminal, a shell history's neighbour or a CI log.
  if (/^AGE-SECRET-KEY-/i.test(value) || /^AGE-PLUGIN-/i.test(value)) {
    throw new ShareError(
      'invalid-recipient',
      'a recipient was given an age identity (AGE-SECRET-KEY-…), which is a private key: give the age1… ' +
        'recipient that `age-keygen -y` prints for it, and treat that identity as exposed if it was typed on ' +
        'a shared machine',
    );
  }
  if (/^(ssh-ed25519|ssh-rsa|ecdsa-sha2-)/.test(value)) {
    throw new ShareError(
      'invalid-recipient',
      `recipient "${value.slice(0, 24)}…": SSH keys are not supported here; ask for an age recipient (age1…, from age-keygen)`,
    );
  }
  try {
    if (!value.startsWith('age1')) throw new Error('not age1');
    new Encrypter().addRecipient(value);
  } catch {
    // Only something shaped like a recipient (public) is quoted; anything else might be a secret pasted in.
    const shown = /^age1[0-9a-z]{0,100}$/.test(value) ? `recipient "${value}"` : 'a recipient';
    throw new ShareError(
      'invalid-recipient',
      `${shown}: not a valid age recipient; it must start with age1 and be copied whole (age-keygen -y prints it)`,
    );
  }
  return value;
}

/** Checks one identity without ever echoing it: identities are private keys. */
export function checkIdentity(identity: string, where: string): string {
  const value = identity.trim();
  try {
    if (!value.startsWith('AGE-SECRET-KEY-')) throw new Error('not an identity');
    new Decrypter().addIdentity(value);
  } catch {
    throw new ShareError(
      'invalid-identity',
      `${where}: not a valid age identity (expected AGE-SECRET-KEY-1…, as age-keygen writes it)`,
    );
  }
  return value;
}

function meaningfulLines(text: string): { line: string; number: number }[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
}

/**
 * Reads an identity file as age does: one identity per line, `#` comments and blank lines ignored
 * (age-keygen writes `# created: …` and `# public key: …` above the key).
 */
export function readIdentityFile(text: string, file: string): string[] {
  const identities = meaningfulLines(text).map(({ line, number }) => {
    if (line.startsWith('AGE-PLUGIN-')) {
      throw new ShareError(
        'invalid-identity',
        `${file} line ${number}: age plugin identities are not supported`,
      );
    }
    if (line.startsWith('-----BEGIN')) {
      throw new ShareError(
        'invalid-identity',
        `${file} line ${number}: SSH keys are not supported; use an age identity file`,
      );
    }
    return checkIdentity(line, `${file} line ${number}`);
  });
  if (identities.length === 0) {
    throw new ShareError('invalid-identity', `${file}: holds no identity (AGE-SECRET-KEY-1… line)`);
  }
  return identities;
}

/** Reads a recipients file as `age -R` does: one recipient per line, `#` comments and blank lines ignored. */
export function readRecipientsFile(text: string, file: string): string[] {
  const recipients = meaningfulLines(text).map(({ line, number }) => {
    try {
      return checkRecipient(line);
    } catch (error) {
      if (error instanceof ShareError)
        throw new ShareError(error.code, `${file} line ${number}: ${error.message}`);
      throw error;
    }
  });
  if (recipients.length === 0)
    throw new ShareError('invalid-recipient', `${file}: holds no recipient (age1… line)`);
  return recipients;
}
