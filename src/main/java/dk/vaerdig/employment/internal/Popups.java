package dk.vaerdig.employment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
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

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.QueueResult;
import dk.vaerdig.platform.PlatformSettings;

/**
 * Pop-up sessions (CV help, job search) with a capacity, booked by candidates through a public link. A place is taken
 * by one conditional UPDATE of the session's counter, so two people racing for the last place cannot both get it.
 * Each booking queues one SMS confirmation, in the booking's transaction, with a link to cancel: the link carries a
 * random token of which only the SHA-256 is stored, and cancelling frees the place by one conditional UPDATE too.
 * <p>
 * A booking belongs to no candidate's case (a name and a phone number, no CPR number): its confirmation goes to the
 * messaging outbox without a candidate, owned by the team of the member of staff who created the session, so that
 * team (and staff who see every team) can see how it went.
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

	/** The outcome of a booking; when booked, the booking number and the token of its cancel link. */
	public record Booking(Outcome outcome, String code, String cancelToken) {

		public Booking(Outcome outcome) {
			this(outcome, null, null);
		}
	}

	public enum Cancellation {
		CANCELLED, ALREADY_CANCELLED, PAST, UNKNOWN
	}

	/** A booking as its cancel link shows it: the session, the booking number, and whether it is cancelled already. */
	public record Place(Session session, String code, boolean cancelled) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Messaging messaging;

	private final MessageSource messages;

	private final String publicBaseUrl;

	private final StaffDirectory staff;

	Popups(JdbcClient jdbc, Clock clock, Messaging messaging, MessageSource messages, PlatformSettings settings,
			StaffDirectory staff) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.messaging = messaging;
		this.staff = staff;
		this.messages = messages;
		this.publicBaseUrl = settings.publicBaseUrl().replaceAll("/+$", "");
	}

	public List<Session> upcoming() {
		return jdbc.sql("SELECT * FROM popup_session WHERE starts_at > ? ORDER BY starts_at")
			.param(Timestamp.from(clock.instant()))
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
			.params(title.strip(), Timestamp.from(startsAt), place.strip(), capacity, code(12), by)
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
			return new Booking(Outcome.UNKNOWN);
		}
		if (!session.get().startsAt().isAfter(clock.instant())) {
			return new Booking(Outcome.PAST);
		}
		String normalisedPhone = normalisePhone(phone);
		if (jdbc.sql("SELECT count(*) FROM popup_booking WHERE session_id = ? AND phone = ? AND cancelled_at IS NULL")
			.params(session.get().id(), normalisedPhone).query(Long.class).single() > 0) {
			return new Booking(Outcome.ALREADY_BOOKED);
		}
		int taken = jdbc.sql("UPDATE popup_session SET booked = booked + 1 WHERE id = ? AND booked < capacity AND starts_at > ?")
			.params(session.get().id(), Timestamp.from(clock.instant()))
			.update();
		if (taken == 0) {
			return new Booking(Outcome.FULL);
		}
		String code = code(6).toUpperCase();
		String cancelToken = cancelToken();
		long bookingId;
		try {
			bookingId = jdbc.sql("""
					INSERT INTO popup_booking (session_id, name, phone, code, created_at, cancel_token_sha256)
					VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(session.get().id(), name.strip(), normalisedPhone, code, Timestamp.from(clock.instant()),
						sha256(cancelToken))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			// the same phone number raced itself: roll the counter back with the transaction
			throw new AlreadyBooked();
		}
		confirm(session.get(), bookingId, phone, code, cancelToken, locale);
		return new Booking(Outcome.BOOKED, code, cancelToken);
	}

	/** The session's time with its weekday, as the candidate reads it: "tirsdag den 8. december 2026 kl. 10.00". */
	public String when(Session session, Locale locale) {
		return DateTimeFormatter.ofPattern(messages.getMessage("employment.booking.sms.when", null, locale), locale)
			.withZone(clock.getZone())
			.format(session.startsAt());
	}

	/** The address of the page where the booking can be cancelled, relative to the app. */
	public static String cancelPath(Session session, String cancelToken) {
		return "/book/" + session.linkKey() + "/cancel/" + cancelToken;
	}

	/** The booking behind a cancel link, if the link is one of this session's. */
	public Optional<Place> byCancelToken(String key, String cancelToken) {
		return jdbc.sql("""
				SELECT s.*, b.code, b.cancelled_at IS NOT NULL AS cancelled FROM popup_booking b
				JOIN popup_session s ON s.id = b.session_id WHERE b.cancel_token_sha256 = ? AND s.link_key = ?""")
			.params(sha256(cancelToken), key)
			.query((rs, i) -> new Place(new Session(rs.getLong("id"), rs.getString("title"),
					rs.getTimestamp("starts_at").toInstant(), rs.getString("place"), rs.getInt("capacity"),
					rs.getInt("booked"), rs.getString("link_key")), rs.getString("code"), rs.getBoolean("cancelled")))
			.optional();
	}

	/**
	 * Cancels the booking behind a cancel link and frees its place, in one statement that only changes a booking not
	 * yet cancelled of a session not yet begun: cancelling twice, or two cancels at once, free the place once.
	 */
	@Transactional
	public Cancellation cancel(String key, String cancelToken) {
		Timestamp now = Timestamp.from(clock.instant());
		int freed = jdbc.sql("""
				WITH cancelled AS (
				  UPDATE popup_booking b SET cancelled_at = ? FROM popup_session s
				  WHERE b.cancel_token_sha256 = ? AND b.cancelled_at IS NULL AND s.id = b.session_id AND s.link_key = ?
				    AND s.starts_at > ?
				  RETURNING b.session_id)
				UPDATE popup_session SET booked = booked - 1 WHERE id IN (SELECT session_id FROM cancelled)""")
			.params(now, sha256(cancelToken), key, now)
			.update();
		if (freed == 1) {
			return Cancellation.CANCELLED;
		}
		return byCancelToken(key, cancelToken)
			.map(p -> p.cancelled() ? Cancellation.ALREADY_CANCELLED : Cancellation.PAST)
			.orElse(Cancellation.UNKNOWN);
	}

	private void confirm(Session session, long bookingId, String phone, String code, String cancelToken, Locale locale) {
		String text = messages.getMessage("employment.booking.sms", new Object[] { session.title(), when(session, locale),
				session.place(), code, publicBaseUrl + cancelPath(session, cancelToken) }, locale);
		if (messaging.sendSms(Addressee.noCandidate(owningTeam(session)), phone, text, CONFIRMATION,
				CONFIRMATION + ":" + bookingId) == QueueResult.INVALID_ADDRESS) {
			log.info("Booking {} of pop-up session {} not confirmed by SMS: the number cannot take an SMS", bookingId,
					session.id());
		}
	}

	/** The team of the member of staff who created the session; null when they have none (a manager). */
	private Long owningTeam(Session session) {
		String createdBy = jdbc.sql("SELECT created_by FROM popup_session WHERE id = ?")
			.param(session.id())
			.query(String.class)
			.single();
		return staff.find(createdBy).map(StaffMember::teamId).orElse(null);
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

	/** The places taken: bookings not cancelled. */
	public long bookings(long sessionId) {
		return jdbc.sql("SELECT count(*) FROM popup_booking WHERE session_id = ? AND cancelled_at IS NULL")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	/** 128 random bits, URL-safe: what a cancel link carries. */
	private static String cancelToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
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
