package dk.vaerdig.casework;

import java.time.Instant;

/**
 * One line on a case's timeline.
 *
 * @param at when it happened
 * @param labelKey message key of the label shown, e.g. {@code letters.timeline.sent}
 * @param text the text shown under the label, or null
 * @param actor who did it (a user name or a kind), or null
 */
public record TimelineEntry(Instant at, String labelKey, String text, String actor) {
}
