/**
 * How office names and ids are compared wherever a text must find one office: Unicode NFC (an "ö"
 * typed as o + combining diaeresis is the same "ö"), blanks trimmed and runs of blanks as one,
 * upper and lower case alike. An office's name may not have the key of another office's name or id
 * (offices.service.ts, enforced by the table office_name_key, migration 1764700000000, whose SQL
 * function office_name_key does the same), and the practice meetings import finds offices by it.
 */
export function officeNameKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
