/**
 * How office names and ids are compared wherever a text must find one office: Unicode NFC (an "ö"
 * typed as o + combining diaeresis is the same "ö"), blanks trimmed and runs of blanks as one,
 * upper and lower case alike. An office's name may not have the key of another office's name or id
 * (offices.service.ts), and the practice meetings import finds offices by it. The database holds
 * the same rule (table and SQL function office_name_key, migration 1764700000000) for writes that
 * race past this check; its blanks and case folding follow the server's character type, which may
 * know fewer of them than JavaScript, so this check is the one that names the office in the way.
 */
export function officeNameKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
