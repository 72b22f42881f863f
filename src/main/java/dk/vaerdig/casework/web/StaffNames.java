package dk.vaerdig.casework.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.OwnActions;
import dk.vaerdig.casework.TimelineEntry;

/**
 * Staff are shown by name, with their role where it helps ("Mette Kjær (sagsbehandler)"), never by user name. A user
 * name no longer in the staff table is shown as it is, since it is all there is.
 */
@Component
class StaffNames {

	private final StaffDirectory staff;

	private final MessageSource messages;

	StaffNames(StaffDirectory staff, MessageSource messages) {
		this.staff = staff;
		this.messages = messages;
	}

	/** The full name, or the user name where no staff member has it. */
	String name(String username) {
		return staff.find(username).map(s -> s.displayName()).orElse(username);
	}

	/** The full name and role, e.g. "Mette Kjær (sagsbehandler)". */
	String nameAndRole(String username, Locale locale) {
		return staff.find(username)
			.map(s -> messages.getMessage("casework.staff.nameAndRole",
					new Object[] { s.displayName(), messages.getMessage("role." + s.role().name(), null, locale) }, locale))
			.orElse(username);
	}

	/** How the case page shows a timeline entry's time (as {@code #temporals.format(at, 'dd-MM-yyyy HH:mm')} did). */
	private static final DateTimeFormatter WHEN = DateTimeFormatter
		.ofPattern("dd-MM-yyyy HH:mm");

	/**
	 * A timeline line as staff see it: who did it by name and role, or nothing where the actor is not a person. The
	 * shown texts are made here, once per line, instead of by expressions and message look-ups in the template's loop
	 * (the case page shows up to 50 lines; the template's work per line was the largest cost of the page).
	 *
	 * @param when the time as shown, {@code dd-MM-yyyy HH:mm} in the municipality's zone
	 * @param label the label's text in the page's language
	 * @param byLine "af …" in the page's language, or null
	 */
	record TimelineLine(Instant at, String labelKey, String text, String by, String when, String label,
			String byLine) {
	}

	List<TimelineLine> timeline(List<TimelineEntry> entries, Locale locale) {
		DateTimeFormatter when = WHEN.withLocale(locale).withZone(ZoneId.systemDefault());
		Map<String, String> labels = new HashMap<>();
		return entries.stream().map(e -> {
			String by = OwnActions.ACTOR.equals(e.actor())
					? messages.getMessage("choices.timeline.candidate", null, locale)
					: staff.find(e.actor()).map(s -> nameAndRole(s.username(), locale)).orElse(null);
			String label = labels.computeIfAbsent(e.labelKey(),
					key -> messages.getMessage(key, null, "??" + key + "_" + locale + "??", locale));
			return new TimelineLine(e.at(), e.labelKey(), e.text(), by, when.format(e.at()), label,
					by == null ? null : messages.getMessage("casework.timeline.by", new Object[] { by }, locale));
		}).toList();
	}
}
