package dk.vaerdig.messaging.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers and e-mail addresses as the gateway and mail server need them, and masked for staff pages. */
public final class Addresses {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private Addresses() {
	}

	/**
	 * The number in international form: "20 30 40 50", "+45 20304050" and "0045-20304050" all give "+4520304050"; a
	 * foreign number needs its + (or 00) and country code. Empty when it is no phone number.
	 */
	public static Optional<String> phone(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String number = raw.strip().replaceAll("[\\s\\-().]", "");
		if (number.startsWith("00")) {
			number = "+" + number.substring(2);
		}
		if (number.matches("[0-9]{8}")) {
			number = "+45" + number;
		}
		return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
	}

	/** The address without surrounding spaces, if it looks like one (the mail server has the last word). */
	public static Optional<String> email(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String address = raw.strip();
		return address.length() <= 254 && EMAIL.matcher(address).matches() ? Optional.of(address) : Optional.empty();
	}

	/** Enough to tell two recipients apart on a staff page, not enough to contact them: "…50", "m…@eksempel.dk". */
	public static String masked(String recipient) {
		int at = recipient.indexOf('@');
		if (at > 0) {
			return recipient.charAt(0) + "…" + recipient.substring(at);
		}
		return "…" + recipient.substring(Math.max(0, recipient.length() - 2));
	}
}
