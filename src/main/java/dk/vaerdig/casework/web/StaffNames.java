package dk.vaerdig.casework.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.StaffDirectory;
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

	/** A timeline line as staff see it: who did it by name and role, or nothing where the actor is not a person. */
	record TimelineLine(java.time.Instant at, String labelKey, String text, String by) {
	}

	List<TimelineLine> timeline(List<TimelineEntry> entries, Locale locale) {
		return entries.stream()
			.map(e -> new TimelineLine(e.at(), e.labelKey(), e.text(),
					staff.find(e.actor()).map(s -> nameAndRole(s.username(), locale)).orElse(null)))
			.toList();
	}
}
