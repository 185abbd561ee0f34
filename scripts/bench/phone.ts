/**
 * What byte counts mean for a reader on a phone: an estimate of the seconds a page or a search
 * takes to arrive over a slow mobile link, from bandwidth and round trips alone (no server time,
 * no rendering), which is what dominates on such links.
 */

/** A mobile link as the usual browser throttling presets describe it. */
export interface Link {
  name: string;
  /** Downlink in kilobits per second. */
  kbps: number;
  /** Round-trip time in milliseconds. */
  rttMs: number;
}

/** Chrome DevTools' "Slow 3G" and Lighthouse's mobile ("slow 4G") throttling. */
export const LINKS: readonly Link[] = [
  { name: 'slow 3G (400 kbit/s, 400 ms RTT)', kbps: 400, rttMs: 400 },
  { name: 'slow 4G (1.6 Mbit/s, 150 ms RTT)', kbps: 1638, rttMs: 150 },
];

/**
 * Round trips before the first byte of a page on a new HTTPS connection (DNS, TCP, TLS 1.3,
 * the request), plus one for the stylesheet and scripts it links, fetched in parallel.
 */
export const FIRST_VISIT_ROUND_TRIPS = 5;

/** Round trips for a search on an open connection: the search code, then the index pieces. */
export const SEARCH_ROUND_TRIPS = 3;

/** Seconds to receive `bytes` over `link` after `roundTrips` round trips, to one decimal. */
export function arrivalSeconds(bytes: number, link: Link, roundTrips: number): number {
  const seconds = (roundTrips * link.rttMs) / 1000 + (bytes * 8) / (link.kbps * 1000);
  return Math.round(seconds * 10) / 10;
}
