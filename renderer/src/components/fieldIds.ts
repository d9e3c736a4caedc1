/** One spelling for the ids a field's label, hint, error and the error summary's link share. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

export function describedBy(...ids: (string | undefined | false)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}
