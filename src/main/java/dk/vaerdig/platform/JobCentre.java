package dk.vaerdig.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.platform.PlatformSettings.Municipality;

/**
 * How the pages without login name the job centre and tell candidates to reach it, in the page's language, from
 * {@code vaerdig.platform.municipality.*}. The layout has it as model attribute {@code jobCentre}.
 */
@Component
public class JobCentre {

	/**
	 * @param name "Jobcentret i Demo Kommune"
	 * @param municipality "Demo Kommune"
	 * @param phone the number as it is written, "12 34 56 78"
	 * @param phoneLink "tel:+4512345678"
	 * @param openingHours "mandag–onsdag kl. 9.00–15.00, torsdag kl. 9.00–17.00 og fredag kl. 9.00–12.00"
	 * @param accessibilityEmail where people report a problem with the accessibility of the pages
	 * @param statementDate when the accessibility statement was last assessed and updated
	 */
	public record Contact(String name, String municipality, String phone, String phoneLink, String openingHours,
			String accessibilityEmail, LocalDate statementDate) {
	}

	private final Municipality municipality;

	private final MessageSource messages;

	private final Map<Locale, Contact> byLocale = new ConcurrentHashMap<>();

	JobCentre(PlatformSettings settings, MessageSource messages) {
		this.municipality = settings.municipality();
		this.messages = messages;
	}

	public Contact contact(Locale locale) {
		return byLocale.computeIfAbsent(locale, l -> new Contact(msg("jobcentre.name", l, municipality.name()),
				municipality.name(), municipality.phone(), municipality.phoneLink(), openingHours(l),
				municipality.accessibilityEmail(), municipality.accessibilityStatementDate()));
	}

	/** "mandag–onsdag kl. 9.00–15.00, torsdag kl. 9.00–17.00 og fredag kl. 9.00–12.00", in the given language. */
	private String openingHours(Locale locale) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern(msg("jobcentre.hours.time", locale), locale);
		List<String> parts = new ArrayList<>();
		for (OpeningHours h : municipality.openingHours()) {
			String opens = time.format(h.opens());
			String closes = time.format(h.closes());
			String from = h.from().getDisplayName(TextStyle.FULL, locale);
			parts.add(h.oneDay() ? msg("jobcentre.hours.day", locale, from, opens, closes)
					: msg("jobcentre.hours.days", locale, from, h.to().getDisplayName(TextStyle.FULL, locale), opens, closes));
		}
		if (parts.size() < 2) {
			return String.join("", parts);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + msg("jobcentre.hours.and", locale) + " "
				+ parts.get(parts.size() - 1);
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
