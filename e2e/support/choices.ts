import type { Page } from '@playwright/test';

/**
 * A checkbox or radio by its name, to click. react-aria keeps the input visually hidden inside its label,
 * which takes the pointer: the label is what a user clicks. A choice with a description has it in its name:
 * match those with a RegExp.
 */
export function choice(page: Page, role: 'checkbox' | 'radio', name: string | RegExp) {
  return page.locator('label', { has: page.getByRole(role, { name, exact: true }) });
}

/** Opens a section from the sidebar and waits for its page's heading. */
export async function openSection(page: Page, label: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
