package dk.vaerdig.insights.internal.goals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.insights.GoalMeasure;

/**
 * The year's goals (beskæftigelsesplan): recorded by management, changed under optimistic locking (the version the
 * form was shown with), withdrawn rather than deleted, and every change kept in {@code yearly_goal_change} with who
 * made it, when, and the goal as it stood after it.
 */
@Service
public class YearlyGoals {

	public enum Direction {
		/** The figure must be at least the target (≥). */
		AT_LEAST,
		/** The figure must be at most the target (≤). */
		AT_MOST
	}

	public record Goal(long id, int year, String title, String measureCode, BigDecimal target, Direction direction,
			String owner, boolean withdrawn, int version) {

		/** The target as written in Danish: "80", "2,5". */
		public String shownTarget() {
			return shown(target);
		}
	}

	static String shown(BigDecimal target) {
		return target.stripTrailingZeros().toPlainString().replace('.', ',');
	}

	public record Change(long id, String changedBy, Instant changedAt, String kind, String title, String measureCode,
			BigDecimal target, String direction, String owner) {

		public String shownTarget() {
			return shown(target);
		}
	}

	/** What a goal is: the fields a manager writes. */
	public record Terms(int year, String title, String measureCode, BigDecimal target, Direction direction,
			String owner) {
	}

	private final JdbcClient jdbc;

	private final Measures measures;

	private final Clock clock;

	YearlyGoals(JdbcClient jdbc, Measures measures, Clock clock) {
		this.jdbc = jdbc;
		this.measures = measures;
		this.clock = clock;
	}

	/** The goals of the year that stand (not withdrawn), in the order they were made. */
	public List<Goal> ofYear(int year) {
		return jdbc.sql("SELECT * FROM yearly_goal WHERE year = ? AND NOT withdrawn ORDER BY id")
			.param(year)
			.query(Goal.class)
			.list();
	}

	public Optional<Goal> find(long id) {
		return jdbc.sql("SELECT * FROM yearly_goal WHERE id = ?").param(id).query(Goal.class).optional();
	}

	public List<Change> history(long id) {
		return jdbc.sql("SELECT * FROM yearly_goal_change WHERE goal_id = ? ORDER BY id")
			.param(id)
			.query(Change.class)
			.list();
	}

	/** Records a goal; the same request id a second time records nothing and answers the goal made the first time. */
	@Transactional
	public long create(Terms terms, UUID requestId, String by) {
		check(terms);
		Optional<Long> made = jdbc.sql("""
				INSERT INTO yearly_goal (year, title, measure_code, target, direction, owner, request_id, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""")
			.params(terms.year(), terms.title().strip(), terms.measureCode(), terms.target(), terms.direction().name(),
					terms.owner().strip(), requestId, by, Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
		if (made.isEmpty()) {
			return jdbc.sql("SELECT id FROM yearly_goal WHERE request_id = ?").param(requestId).query(Long.class).single();
		}
		record(made.get(), "CREATED", by);
		return made.get();
	}

	/** Changes a goal if it still has the version the form was shown with; else nothing is saved. */
	@Transactional
	public void change(long id, int version, Terms terms, String by) {
		check(terms);
		int n = jdbc.sql("""
				UPDATE yearly_goal SET year = ?, title = ?, measure_code = ?, target = ?, direction = ?, owner = ?,
				  version = version + 1
				WHERE id = ? AND version = ? AND NOT withdrawn""")
			.params(terms.year(), terms.title().strip(), terms.measureCode(), terms.target(), terms.direction().name(),
					terms.owner().strip(), id, version)
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("form.conflict");
		}
		record(id, "CHANGED", by);
	}

	@Transactional
	public void withdraw(long id, int version, String by) {
		if (jdbc.sql("UPDATE yearly_goal SET withdrawn = TRUE, version = version + 1 WHERE id = ? AND version = ? AND NOT withdrawn")
			.params(id, version)
			.update() == 0) {
			throw new OptimisticLockingFailureException("form.conflict");
		}
		record(id, "WITHDRAWN", by);
	}

	private void record(long id, String kind, String by) {
		jdbc.sql("""
				INSERT INTO yearly_goal_change (goal_id, changed_by, changed_at, kind, title, measure_code, target, direction, owner)
				SELECT id, ?, ?, ?, title, measure_code, target, direction, owner FROM yearly_goal WHERE id = ?""")
			.params(by, Timestamp.from(clock.instant()), kind, id)
			.update();
	}

	/** The rules the form checks too, so no other caller can store a goal that cannot be followed. */
	private void check(Terms t) {
		if (t.year() < 2000 || t.year() > 2200 || t.title() == null || t.title().isBlank() || t.owner() == null
				|| t.owner().isBlank() || t.target() == null || t.target().signum() < 0 || t.direction() == null) {
			throw new IllegalArgumentException("insights.goals.invalid");
		}
		var measure = measures.find(t.measureCode())
			.orElseThrow(() -> new IllegalArgumentException("insights.goals.unknownMeasure"));
		if (measure.kind() == GoalMeasure.Kind.SHARE
				&& t.target().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("insights.goals.shareAbove100");
		}
	}
}
