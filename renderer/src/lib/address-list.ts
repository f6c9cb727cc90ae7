/** Endpoints or nodes as typed: separated by commas, spaces or line breaks; the service checks each one. */
export function parseAddressList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
