/** The zone every stored timestamp is in, and the display zone's fallback. */
export const UTC_TIME_ZONE = "UTC";

/** Returns true when `Intl` accepts `timeZone` as an IANA zone name (or "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the runtime is set to (the browser's, in a browser); UTC when it cannot tell. */
export function getRuntimeTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : UTC_TIME_ZONE;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function getOffsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes to add to UTC to get the local time of `timeZone` at `instant` (e.g. -420 for PDT). */
export function getTimeZoneOffsetMinutes(timeZone: string, instant: Date): number {
  const zoneName = getOffsetFormatter(timeZone)
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zoneName ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * True when the zone's offset is a whole number of hours at both ends of the range, so hourly
 * data maps onto its local days exactly. Zones such as Asia/Kolkata (+05:30) or
 * Asia/Kathmandu (+05:45) return false.
 */
export function hasWholeHourOffset(timeZone: string, from: Date, to: Date): boolean {
  return [from, to].every((instant) => getTimeZoneOffsetMinutes(timeZone, instant) % 60 === 0);
}
