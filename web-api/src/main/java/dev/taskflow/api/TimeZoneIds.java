package dev.taskflow.api;

import java.util.Set;

/** What the API accepts as a time zone: an IANA zone id, or UTC. */
public final class TimeZoneIds {

  private static final Set<String> KNOWN = java.time.ZoneId.getAvailableZoneIds();

  public static final String PROBLEM = "is not a known IANA time zone id (e.g. Europe/Berlin, America/New_York, UTC)";

  private TimeZoneIds() {}

  public static boolean isKnown(String zone) {
    return zone.equals("UTC") || KNOWN.contains(zone);
  }
}
