package dk.vaerdig.complaints.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.platform.Texts;

/**
 * Learning actions: what the job centre does about a recurring theme, with an owner and a deadline, and a follow-up
 * that asks whether the action worked.
 */
@Service
public class LearningActions {

	public enum Effect {
		WORKED, PARTLY, DID_NOT_WORK, TOO_EARLY
	}

	public record Action(long id, String theme, String title, String description, String owner, LocalDate deadline,
			String status, LocalDate followUpOn, Effect effect, String effectNote, int version, boolean overdue,
			boolean followUpDue) {
	}

	public record ThemeCount(String theme, long complaints, long comments) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	LearningActions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Action> all() {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				SELECT *, (status = 'OPEN' AND deadline < :today) AS overdue,
				       (effect IS NULL AND follow_up_on <= :today) AS follow_up_due
				FROM learning_action ORDER BY status, deadline""")
			.param("today", today)
			.query(Action.class)
			.list();
	}

	/**
	 * The themes of the last 12 months' complaints and of the survey comments, most frequent first: where learning
	 * is needed.
	 */
	public List<ThemeCount> recurringThemes() {
		return jdbc.sql("""
				SELECT theme, count(*) FILTER (WHERE kind = 'C') AS complaints, count(*) FILTER (WHERE kind = 'S') AS comments
				FROM (SELECT t.theme, 'C' AS kind FROM complaint_theme t JOIN complaint c ON c.id = t.complaint_id
				      WHERE c.received_on > ?
				      UNION ALL SELECT theme, 'S' FROM comment_theme) x
				GROUP BY theme ORDER BY count(*) DESC, theme LIMIT 20""")
			.param(LocalDate.now(clock).minusMonths(12))
			.query(ThemeCount.class)
			.list();
	}

	/** Tags an anonymous survey comment with a theme. */
	@Transactional
	public void tagComment(UUID answerId, String theme, String by) {
		String t = theme == null ? "" : theme.strip().toLowerCase(Locale.ROOT);
		if (!t.matches("[a-zæøå0-9 -]{2,40}")) {
			throw new IllegalArgumentException("complaints.theme.invalid");
		}
		jdbc.sql("INSERT INTO comment_theme (answer_id, theme, tagged_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(answerId, t, by)
			.update();
	}

	public Map<UUID, List<String>> commentThemes(Collection<UUID> answerIds) {
		Map<UUID, List<String>> themes = new HashMap<>();
		if (answerIds.isEmpty()) {
			return themes;
		}
		jdbc.sql("SELECT answer_id, theme FROM comment_theme WHERE answer_id = ANY(?) ORDER BY theme")
			.param(answerIds.toArray(UUID[]::new))
			.query(rs -> {
				themes.computeIfAbsent(rs.getObject("answer_id", UUID.class), k -> new ArrayList<>())
					.add(rs.getString("theme"));
			});
		return themes;
	}

	@Transactional
	public long create(String theme, String title, String description, String owner, LocalDate deadline,
			LocalDate followUpOn, String by) {
		if (followUpOn.isBefore(deadline)) {
			throw new IllegalArgumentException("complaints.learning.followUpBeforeDeadline");
		}
		return jdbc.sql("""
				INSERT INTO learning_action (theme, title, description, owner, deadline, status, follow_up_on, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) RETURNING id""")
			.params(theme.strip().toLowerCase(Locale.ROOT), title.strip(), description, owner, deadline, followUpOn,
					by, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	@Transactional
	public void complete(long id, int version) {
		change(id, version, "status = 'DONE'", new Object[0]);
	}

	/** The follow-up: did the action work? */
	@Transactional
	public void recordEffect(long id, Effect effect, String note, int version) {
		change(id, version, "effect = ?, effect_note = ?", new Object[] { effect.name(), Texts.blankToNull(note) });
	}

	private void change(long id, int version, String set, Object[] values) {
		Object[] params = new Object[values.length + 2];
		System.arraycopy(values, 0, params, 0, values.length);
		params[values.length] = id;
		params[values.length + 1] = version;
		if (jdbc.sql("UPDATE learning_action SET " + set + ", version = version + 1 WHERE id = ? AND version = ?")
			.params(params)
			.update() == 0) {
			throw new OptimisticLockingFailureException("form.conflict");
		}
	}
}
