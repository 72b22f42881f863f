package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.casework.ContactPreference;
import dk.vaerdig.messaging.PreferredChannel;

/**
 * The table {@code contact_preference}: how each candidate wants to be contacted, with a version against two changes
 * at once, and every change kept in {@code contact_preference_change} for the case's timeline. Access is the
 * caller's to check (the candidate's own pages take the candidate from the login; staff pages from the case rule).
 */
@Component
public class ContactPreferences {

	/** The actor the timeline shows for the candidate's own changes. */
	public static final String CANDIDATE = "kandidaten";

	private final JdbcClient jdbc;

	private final Clock clock;

	ContactPreferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The candidate's preference, or the defaults (version 0) when they have not said. */
	@Transactional(readOnly = true)
	public ContactPreference of(long candidateId) {
		return jdbc.sql("""
				SELECT channel, language, interpreter_language, easy_read, version, changed_by, changed_at
				FROM contact_preference WHERE candidate_id = ?""")
			.param(candidateId)
			.query((rs, n) -> new ContactPreference(PreferredChannel.of(rs.getString("channel")),
					rs.getString("language"), rs.getString("interpreter_language"), rs.getBoolean("easy_read"),
					rs.getInt("version"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
			.optional()
			.orElse(ContactPreference.defaults());
	}

	/**
	 * Stores the wanted preference, made from the version in {@code wanted.version()} (0: from the defaults).
	 * @throws OptimisticLockingFailureException when it was changed since that version (another tab, the candidate
	 *         and a member of staff at once)
	 */
	@Transactional
	public ContactPreference save(long candidateId, ContactPreference wanted, String by) {
		if (!ContactPreference.LANGUAGES.contains(wanted.language())) {
			throw new IllegalArgumentException("language");
		}
		String interpreter = wanted.needsInterpreter() ? wanted.interpreterLanguage().strip() : null;
		Instant now = clock.instant();
		Timestamp at = Timestamp.from(now);
		int changed;
		if (wanted.version() == 0) {
			changed = jdbc.sql("""
					INSERT INTO contact_preference (candidate_id, channel, language, interpreter_language, easy_read,
					  version, changed_by, changed_at)
					VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (candidate_id) DO NOTHING""")
				.params(candidateId, wanted.channel().name(), wanted.language(), interpreter, wanted.easyRead(), by, at)
				.update();
		}
		else {
			changed = jdbc.sql("""
					UPDATE contact_preference SET channel = ?, language = ?, interpreter_language = ?, easy_read = ?,
					  version = version + 1, changed_by = ?, changed_at = ?
					WHERE candidate_id = ? AND version = ?""")
				.params(wanted.channel().name(), wanted.language(), interpreter, wanted.easyRead(), by, at, candidateId,
						wanted.version())
				.update();
		}
		if (changed != 1) {
			throw new OptimisticLockingFailureException("contact preference of candidate " + candidateId
					+ " changed since version " + wanted.version());
		}
		jdbc.sql("""
				INSERT INTO contact_preference_change (candidate_id, channel, language, interpreter_language, easy_read,
				  changed_by, changed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(candidateId, wanted.channel().name(), wanted.language(), interpreter, wanted.easyRead(), by, at)
			.update();
		return new ContactPreference(wanted.channel(), wanted.language(), interpreter, wanted.easyRead(),
				wanted.version() + 1, by, now);
	}
}
