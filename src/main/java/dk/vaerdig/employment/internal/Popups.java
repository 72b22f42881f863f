package dk.vaerdig.employment.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.QueueResult;

/**
 * Pop-up sessions (CV help, job search) with a capacity, booked by candidates through a public link. A place is taken
 * by one conditional UPDATE of the session's counter, so two people racing for the last place cannot both get it.
 * Each booking queues one SMS confirmation, in the booking's transaction.
 */
@Service
public class Popups {

	static final String CONFIRMATION = "popup-booking";

	private static final Logger log = LoggerFactory.getLogger(Popups.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	public record Session(long id, String title, Instant startsAt, String place, int capacity, int booked, String linkKey) {

		public int free() {
			return capacity - booked;
		}
	}

	public enum Outcome {
		BOOKED, FULL, PAST, ALREADY_BOOKED, UNKNOWN
	}

	public record Booking(Outcome outcome, String code) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Messaging messaging;

	private final MessageSource messages;

	Popups(JdbcClient jdbc, Clock clock, Messaging messaging, MessageSource messages) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.messaging = messaging;
		this.messages = messages;
	}

	public List<Session> upcoming() {
		return jdbc.sql("SELECT * FROM popup_session WHERE starts_at > ? ORDER BY starts_at")
			.param(java.sql.Timestamp.from(clock.instant()))
			.query(Session.class)
			.list();
	}

	public Optional<Session> byKey(String key) {
		return jdbc.sql("SELECT * FROM popup_session WHERE link_key = ?").param(key).query(Session.class).optional();
	}

	@Transactional
	public long create(String title, Instant startsAt, String place, int capacity, String by) {
		return jdbc.sql("""
				INSERT INTO popup_session (title, starts_at, place, capacity, link_key, created_by)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(title.strip(), java.sql.Timestamp.from(startsAt), place.strip(), capacity, code(12), by)
			.query(Long.class)
			.single();
	}

	/**
	 * Books a place, or says why not: full, in the past, or this phone number has a place already. A booking queues
	 * an SMS with the time, place and booking number, in the language the candidate booked in.
	 */
	@Transactional
	public Booking book(String key, String name, String phone, Locale locale) {
		Optional<Session> session = byKey(key);
		if (session.isEmpty()) {
			return new Booking(Outcome.UNKNOWN, null);
		}
		if (!session.get().startsAt().isAfter(clock.instant())) {
			return new Booking(Outcome.PAST, null);
		}
		String normalisedPhone = normalisePhone(phone);
		if (jdbc.sql("SELECT count(*) FROM popup_booking WHERE session_id = ? AND phone = ?")
			.params(session.get().id(), normalisedPhone).query(Long.class).single() > 0) {
			return new Booking(Outcome.ALREADY_BOOKED, null);
		}
		int taken = jdbc.sql("UPDATE popup_session SET booked = booked + 1 WHERE id = ? AND booked < capacity AND starts_at > ?")
			.params(session.get().id(), java.sql.Timestamp.from(clock.instant()))
			.update();
		if (taken == 0) {
			return new Booking(Outcome.FULL, null);
		}
		String code = code(6).toUpperCase();
		long bookingId;
		try {
			bookingId = jdbc.sql("""
					INSERT INTO popup_booking (session_id, name, phone, code, created_at) VALUES (?, ?, ?, ?, ?)
					RETURNING id""")
				.params(session.get().id(), name.strip(), normalisedPhone, code, java.sql.Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			// the same phone number raced itself: roll the counter back with the transaction
			throw new AlreadyBooked();
		}
		confirm(session.get(), bookingId, phone, code, locale);
		return new Booking(Outcome.BOOKED, code);
	}

	private void confirm(Session session, long bookingId, String phone, String code, Locale locale) {
		String when = DateTimeFormatter.ofPattern(messages.getMessage("employment.booking.sms.when", null, locale), locale)
			.withZone(clock.getZone())
			.format(session.startsAt());
		String text = messages.getMessage("employment.booking.sms",
				new Object[] { session.title(), when, session.place(), code }, locale);
		if (messaging.sendSms(phone, text, CONFIRMATION, CONFIRMATION + ":" + bookingId) == QueueResult.INVALID_ADDRESS) {
			log.info("Booking {} of pop-up session {} not confirmed by SMS: the number cannot take an SMS", bookingId,
					session.id());
		}
	}

	/** Thrown to roll back a booking whose phone number got a place in a parallel request. */
	public static class AlreadyBooked extends RuntimeException {

		AlreadyBooked() {
			super("employment.booking.already");
		}
	}

	/** "+45 20 30 40 50", "0045 20304050" and "20304050" are the same Danish number. */
	static String normalisePhone(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.startsWith("0045") && digits.length() == 12) {
			return digits.substring(4);
		}
		if (digits.startsWith("45") && digits.length() == 10) {
			return digits.substring(2);
		}
		return digits;
	}

	public long bookings(long sessionId) {
		return jdbc.sql("SELECT count(*) FROM popup_booking WHERE session_id = ?").param(sessionId).query(Long.class).single();
	}

	private static String code(int length) {
		String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < length; i++) {
			s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return s.toString();
	}
}
