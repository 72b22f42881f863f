package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.CaseworkSettings;
import dk.vaerdig.casework.ContactDetails;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.Notice;
import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.platform.WorkingDays;

/**
 * The message thread between a candidate and the job centre (table {@code case_message}), one per case. A message from
 * the candidate is to be answered within {@code vaerdig.casework.reply-within-working-days} working days and stays
 * unread until a member of staff opens the thread; a message from staff sends the candidate a notice without its
 * content ("Du har en ny besked fra jobcentret", with a link to Min side) by the channel they prefer. Access is the
 * caller's to check, and so is writing the read to the audit log.
 */
@Component
public class CaseMessages {

	/** The outbox purpose of the notice of a new message. */
	public static final String NOTICE = "case-message-notice";

	/** A message of the thread; {@code replyBy} only on the candidate's, {@code readAt} null while unread. */
	public record Message(long id, boolean fromCandidate, String writtenBy, Instant writtenAt, String body,
			LocalDate replyBy, Instant readAt) {
	}

	/** A candidate with unread messages, for the staff's list: how many, the oldest, and the day to answer by. */
	public record Unread(long candidateId, String name, int messages, Instant oldest, LocalDate replyBy,
			boolean overdue, String caseworker) {
	}

	private final JdbcClient jdbc;

	private final Casework casework;

	private final Messaging messaging;

	private final MessageSource texts;

	private final WorkingDays workingDays;

	private final CaseworkSettings settings;

	private final PlatformSettings platform;

	private final Clock clock;

	CaseMessages(JdbcClient jdbc, Casework casework, Messaging messaging, MessageSource texts, WorkingDays workingDays,
			CaseworkSettings settings, PlatformSettings platform, Clock clock) {
		this.jdbc = jdbc;
		this.casework = casework;
		this.messaging = messaging;
		this.texts = texts;
		this.workingDays = workingDays;
		this.settings = settings;
		this.platform = platform;
		this.clock = clock;
	}

	/** The case's messages, oldest first. */
	@Transactional(readOnly = true)
	public List<Message> thread(long candidateId) {
		return jdbc.sql("""
				SELECT id, from_candidate, written_by, written_at, body, reply_by, read_at FROM case_message
				WHERE candidate_id = ? ORDER BY written_at, id""")
			.param(candidateId)
			.query(Message.class)
			.list();
	}

	/** The day a message from the candidate written today is to be answered by. */
	public LocalDate replyBy(LocalDate written) {
		return workingDays.plus(written, settings.replyWithinWorkingDays());
	}

	/**
	 * Writes a message from the candidate ({@code by} = {@code kandidaten}) or from a member of staff (their user
	 * name). {@code true} when it was written, {@code false} when the same request was written before. A message from
	 * staff queues the notice to the candidate in the same transaction.
	 */
	@Transactional
	public boolean write(long candidateId, boolean fromCandidate, String by, String body, UUID requestId) {
		Instant now = clock.instant();
		LocalDate replyBy = fromCandidate ? replyBy(LocalDate.ofInstant(now, platform.zone())) : null;
		Long id = jdbc.sql("""
				INSERT INTO case_message (candidate_id, request_id, from_candidate, written_by, written_at, body, reply_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""")
			.params(candidateId, requestId, fromCandidate, by, Timestamp.from(now), body.strip(),
					replyBy == null ? null : Date.valueOf(replyBy))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return false;
		}
		if (!fromCandidate) {
			casework.contactDetails(candidateId).ifPresent(c -> notice(c, id));
		}
		return true;
	}

	private void notice(ContactDetails c, long messageId) {
		String link = platform.publicBaseUrl().replaceAll("/+$", "") + "/min-side/beskeder";
		Locale language = c.locale();
		messaging.sendNotice(new Notice(c.reach(), texts.getMessage("contact.notice.sms", new Object[] { link }, language),
				texts.getMessage("contact.notice.email.subject", null, language),
				texts.getMessage("contact.notice.email.body", new Object[] { link }, language), NOTICE,
				NOTICE + ":" + messageId));
	}

	/**
	 * Marks the other side's unread messages read: a member of staff reads the candidate's ({@code candidatesMessages}
	 * true), the candidate reads the staff's. Returns how many were unread.
	 */
	@Transactional
	public int markRead(long candidateId, boolean candidatesMessages, String by) {
		return jdbc.sql("""
				UPDATE case_message SET read_at = ?, read_by = ?
				WHERE candidate_id = ? AND from_candidate = ? AND read_at IS NULL""")
			.params(Timestamp.from(clock.instant()), by, candidateId, candidatesMessages)
			.update();
	}

	/** How many of the staff's messages the candidate has not read. */
	@Transactional(readOnly = true)
	public int unreadByCandidate(long candidateId) {
		return jdbc.sql("SELECT count(*) FROM case_message WHERE candidate_id = ? AND NOT from_candidate AND read_at IS NULL")
			.param(candidateId)
			.query(Integer.class)
			.single();
	}

	/** How many of the candidate's messages no member of staff has read. */
	@Transactional(readOnly = true)
	public int unreadByStaff(long candidateId) {
		return jdbc.sql("SELECT count(*) FROM case_message WHERE candidate_id = ? AND from_candidate AND read_at IS NULL")
			.param(candidateId)
			.query(Integer.class)
			.single();
	}

	/**
	 * The candidates with unread messages whose cases are of the team ({@code null}: every team), optionally only
	 * those of one caseworker, the earliest reply-by day first.
	 */
	@Transactional(readOnly = true)
	public List<Unread> unread(Long team, String caseworker, int limit) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				SELECT c.id, c.first_name || ' ' || c.last_name AS name, count(*) AS messages,
				       min(m.written_at) AS oldest, min(m.reply_by) AS reply_by, c.caseworker
				FROM case_message m JOIN candidate c ON c.id = m.candidate_id
				WHERE m.from_candidate AND m.read_at IS NULL
				  AND (CAST(:team AS BIGINT) IS NULL OR c.team_id = :team)
				  AND (CAST(:caseworker AS TEXT) IS NULL OR c.caseworker = :caseworker)
				GROUP BY c.id ORDER BY min(m.reply_by), min(m.written_at), c.id LIMIT :limit""")
			.param("team", team)
			.param("caseworker", caseworker)
			.param("limit", limit)
			.query((rs, n) -> {
				LocalDate replyBy = rs.getObject("reply_by", LocalDate.class);
				return new Unread(rs.getLong("id"), rs.getString("name"), rs.getInt("messages"),
						rs.getTimestamp("oldest").toInstant(), replyBy, replyBy.isBefore(today), rs.getString("caseworker"));
			})
			.list();
	}
}
