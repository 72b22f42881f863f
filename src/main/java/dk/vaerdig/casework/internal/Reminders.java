package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.ContactDetails;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.MessagingSettings;
import dk.vaerdig.messaging.Notice;
import dk.vaerdig.messaging.SendTimeCheck;
import dk.vaerdig.messaging.SendingHours;
import dk.vaerdig.platform.PlatformSettings;

/**
 * Reminders of the case file, found from the data and queued in the outbox, on one node at a time (ShedLock):
 * <ul>
 * <li>of a planned meeting, {@code meeting-days-before} days before its day at {@code meeting-at} (16:00 the day
 * before), or at once when the meeting was planned later than that, until it begins;</li>
 * <li>of an open agreement that is the candidate's (or made together), {@code agreement-days-before} days before its
 * deadline at {@code agreement-at}, until the deadline has passed.</li>
 * </ul>
 * Nothing goes in the quiet window of the night: a run in it queues nothing, and the morning's first run queues what
 * fell due. Each reminder has one idempotency key ({@code meeting-reminder:<meeting>:<start in epoch seconds>},
 * {@code agreement-reminder:<agreement>:<deadline>}), so two nodes or a rerun never queue it twice; a moved meeting
 * gets a new key (the candidate hears the new time), and a queued reminder of a meeting that was cancelled or moved
 * since is cancelled in the outbox on the next run. Only candidates with an open course are reminded.
 */
@Component
public class Reminders implements SendTimeCheck {

	public static final String MEETING = "meeting-reminder";

	public static final String AGREEMENT = "agreement-reminder";

	private static final int CHUNK = 5000;

	private final JdbcClient jdbc;

	private final Casework casework;

	private final Messaging messaging;

	private final MessageSource texts;

	private final MessagingSettings.Reminders settings;

	private final PlatformSettings platform;

	private final TransactionTemplate tx;

	private final Clock clock;

	Reminders(JdbcClient jdbc, Casework casework, Messaging messaging, MessageSource texts, MessagingSettings settings,
			PlatformSettings platform, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.casework = casework;
		this.messaging = messaging;
		this.texts = texts;
		this.settings = settings.reminders();
		this.platform = platform;
		this.tx = tx;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vaerdig.messaging.reminders.interval:1m}",
			initialDelayString = "${vaerdig.messaging.reminders.interval:1m}")
	@SchedulerLock(name = "casework-reminders", lockAtMostFor = "30m")
	public void remindInBackground() {
		if (settings.enabled()) {
			run();
		}
	}

	/** One run: cancels reminders that no longer hold, queues those that are due; returns how many were queued. */
	public int run() {
		cancelStale();
		return meetings() + agreements();
	}

	private SendingHours hours() {
		return messaging.sendingHours();
	}

	private record Due(long id, long candidateId, Instant at) {
	}

	/** Queues the reminders of meetings that are due now; returns how many were new. */
	int meetings() {
		Instant now = clock.instant();
		if (!hours().allows(now)) {
			return 0;
		}
		// a meeting up to meeting-days-before + 1 days ahead may be due (16:00 the day before a meeting at 08:00)
		Instant until = now.plus(Duration.ofDays(settings.meetingDaysBefore() + 2L));
		List<Due> candidates = jdbc.sql("""
				SELECT m.id, m.candidate_id, m.planned_at AS at FROM meeting m JOIN candidate c ON c.id = m.candidate_id
				WHERE m.status = 'PLANNED' AND m.planned_at > ? AND m.planned_at <= ? AND c.course_closed_on IS NULL
				ORDER BY m.planned_at, m.id""")
			.params(Timestamp.from(now), Timestamp.from(until))
			.query(Due.class)
			.list();
		List<Due> due = candidates.stream()
			.filter(d -> !hours().reminderFor(d.at().atZone(hours().zone()).toLocalDate(), settings.meetingDaysBefore(),
					settings.meetingAt()).isAfter(now))
			.toList();
		return queue(due, d -> MEETING + ":" + d.id() + ":" + d.at().getEpochSecond(), (d, c) -> {
			ZonedDateTime at = d.at().atZone(hours().zone());
			Locale language = c.locale();
			String day = day(at.toLocalDate(), language);
			String time = DateTimeFormatter.ofPattern("HH:mm").format(at);
			return new Notice(c.reach(), text("contact.reminder.meeting.sms", language, day, time, link()),
					text("contact.reminder.meeting.email.subject", language),
					text("contact.reminder.meeting.email.body", language, day, time, link()), MEETING,
					MEETING + ":" + d.id() + ":" + d.at().getEpochSecond());
		});
	}

	/** Queues the reminders of the candidates' open agreements that are due now; returns how many were new. */
	int agreements() {
		Instant now = clock.instant();
		if (!hours().allows(now)) {
			return 0;
		}
		LocalDate today = LocalDate.ofInstant(now, hours().zone());
		List<Due> candidates = jdbc.sql("""
				SELECT a.id, a.candidate_id, a.due_date AS day FROM agreement a JOIN candidate c ON c.id = a.candidate_id
				WHERE a.status = 'OPEN' AND a.responsible IN ('CANDIDATE', 'TOGETHER') AND a.due_date >= ?
				  AND a.due_date <= ? AND c.course_closed_on IS NULL
				ORDER BY a.due_date, a.id""")
			.params(Date.valueOf(today), Date.valueOf(today.plusDays(settings.agreementDaysBefore() + 1L)))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("candidate_id"),
					hours().at(rs.getObject("day", LocalDate.class), LocalTime.NOON)))
			.list();
		List<Due> due = candidates.stream()
			.filter(d -> !hours().reminderFor(d.at().atZone(hours().zone()).toLocalDate(),
					settings.agreementDaysBefore(), settings.agreementAt()).isAfter(now))
			.toList();
		return queue(due, d -> key(d), (d, c) -> {
			Locale language = c.locale();
			String day = day(d.at().atZone(hours().zone()).toLocalDate(), language);
			return new Notice(c.reach(), text("contact.reminder.agreement.sms", language, day, link()),
					text("contact.reminder.agreement.email.subject", language),
					text("contact.reminder.agreement.email.body", language, day, link()), AGREEMENT, key(d));
		});
	}

	private String key(Due agreement) {
		return AGREEMENT + ":" + agreement.id() + ":" + agreement.at().atZone(hours().zone()).toLocalDate();
	}

	/**
	 * Queues the notices of the due reminders not yet in the outbox, chunk by chunk, each chunk in a transaction of
	 * its own (one candidate look-up and one insert statement per thousand).
	 */
	private int queue(List<Due> due, Function<Due, String> key,
			BiFunction<Due, ContactDetails, Notice> notice) {
		int queued = 0;
		for (int from = 0; from < due.size(); from += CHUNK) {
			List<Due> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
			Set<String> known = messaging.known(chunk.stream().map(key).toList());
			List<Due> fresh = chunk.stream().filter(d -> !known.contains(key.apply(d))).toList();
			if (fresh.isEmpty()) {
				continue;
			}
			Integer n = tx.execute(status -> {
				var contacts = casework.contactDetails(new HashSet<>(fresh.stream().map(Due::candidateId).toList()));
				List<Notice> notices = new ArrayList<>(fresh.size());
				for (Due d : fresh) {
					ContactDetails c = contacts.get(d.candidateId());
					if (c != null) {
						notices.add(notice.apply(d, c));
					}
				}
				return messaging.sendNotices(notices);
			});
			queued += n == null ? 0 : n;
		}
		return queued;
	}

	/**
	 * Cancels the queued meeting reminders whose meeting is no longer planned at the time the reminder names (it was
	 * cancelled, held, or moved), and the queued agreement reminders whose agreement is closed or has a new deadline.
	 */
	int cancelStale() {
		int cancelled = 0;
		// one statement per purpose: the keys that still hold, of those queued (a backlog may hold many)
		List<String> meetings = messaging.queuedKeys(MEETING);
		Set<String> holding = new HashSet<>(holding(meetings, """
				SELECT x.k FROM unnest(string_to_array(:keys, ',')) AS x (k)
				JOIN meeting m ON m.id = CAST(split_part(x.k, ':', 2) AS BIGINT)
				WHERE m.status = 'PLANNED' AND m.planned_at = to_timestamp(CAST(split_part(x.k, ':', 3) AS BIGINT))"""));
		List<String> agreements = messaging.queuedKeys(AGREEMENT);
		holding.addAll(holding(agreements, """
				SELECT x.k FROM unnest(string_to_array(:keys, ',')) AS x (k)
				JOIN agreement a ON a.id = CAST(split_part(x.k, ':', 2) AS BIGINT)
				WHERE a.status = 'OPEN' AND a.due_date = CAST(split_part(x.k, ':', 3) AS DATE)"""));
		for (List<String> keys : List.of(meetings, agreements)) {
			for (String key : keys) {
				if (!holding.contains(key) && messaging.cancel(key)) {
					cancelled++;
				}
			}
		}
		return cancelled;
	}

	private static final String MEETING_HOLDS = """
			SELECT x.k FROM unnest(string_to_array(:keys, ',')) AS x (k)
			JOIN meeting m ON m.id = CAST(split_part(x.k, ':', 2) AS BIGINT)
			WHERE m.status = 'PLANNED' AND m.planned_at = to_timestamp(CAST(split_part(x.k, ':', 3) AS BIGINT))""";

	private static final String AGREEMENT_HOLDS = """
			SELECT x.k FROM unnest(string_to_array(:keys, ',')) AS x (k)
			JOIN agreement a ON a.id = CAST(split_part(x.k, ':', 2) AS BIGINT)
			WHERE a.status = 'OPEN' AND a.due_date = CAST(split_part(x.k, ':', 3) AS DATE)""";

	@Override
	public Set<String> purposes() {
		return Set.of(MEETING, AGREEMENT);
	}

	/**
	 * At send time (the dispatcher's claim): the meeting reminders whose meeting is no longer planned at that time
	 * (cancelled, held or moved after the reminder was queued), and the agreement reminders whose agreement is done or
	 * has a new deadline.
	 */
	@Override
	public Map<String, String> stale(String purpose, Collection<String> keys) {
		boolean meeting = MEETING.equals(purpose);
		Set<String> holds = new HashSet<>(holding(List.copyOf(keys), meeting ? MEETING_HOLDS : AGREEMENT_HOLDS));
		String why = meeting ? "the meeting was cancelled, held or moved after the reminder was queued"
				: "the agreement was closed or got a new deadline after the reminder was queued";
		Map<String, String> stale = new HashMap<>();
		keys.stream().filter(k -> !holds.contains(k)).forEach(k -> stale.put(k, why));
		return stale;
	}

	private List<String> holding(List<String> keys, String sql) {
		List<String> wellFormed = keys.stream().filter(k -> k.matches("[a-z-]+:\\d+:[0-9-]+")).toList();
		return wellFormed.isEmpty() ? List.of()
				: jdbc.sql(sql).param("keys", String.join(",", wellFormed)).query(String.class).list();
	}

	private String link() {
		return platform.publicBaseUrl().replaceAll("/+$", "") + "/min-side";
	}

	private String text(String key, Locale language, Object... args) {
		return texts.getMessage(key, args, language);
	}

	private static String day(LocalDate day, Locale language) {
		return "en".equals(language.getLanguage())
				? DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH).format(day)
				: DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM", Locale.forLanguageTag("da")).format(day);
	}
}
