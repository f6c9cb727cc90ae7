/** A source as a list shows it: a file's name without its folder (the full label stays in a tooltip). */
export function sourceName(label: string): string {
  return label.split(/[\\/]/).pop() ?? label;
}
