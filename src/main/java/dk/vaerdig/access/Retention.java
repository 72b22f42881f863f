package dk.vaerdig.access;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention by law: the dated rules per kind of record ({@code retention_rule}), the dry run (what would go now) and
 * the run that deletes or anonymises what has expired, kind by kind, a batch per transaction. A run keeps no state
 * of its own between batches: each batch takes the oldest records that are still expired, so a run that stops or
 * fails midway loses nothing, and the next run continues where it ended. Logs hold counts per kind, never a record.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<RetentionSource> sources;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final RetentionSettings settings;

	Retention(JdbcClient jdbc, ObjectProvider<RetentionSource> sources, TransactionTemplate tx, Clock clock,
			RetentionSettings settings) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.tx = tx;
		this.clock = clock;
		this.settings = settings;
	}

	/** Today in the municipality's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Every rule, by kind and date. */
	public List<RetentionRule> rules() {
		return jdbc.sql("SELECT kind, valid_from, valid_to, keep_for, legal_basis FROM retention_rule ORDER BY kind, valid_from")
			.query((rs, n) -> new RetentionRule(rs.getString("kind"), rs.getDate("valid_from").toLocalDate(),
					rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(),
					Period.parse(rs.getString("keep_for")), rs.getString("legal_basis")))
			.list();
	}

	/** The rule for the kind that applies on the day; when rules overlap, the one that began last. */
	public Optional<RetentionRule> ruleInForce(String kind, LocalDate day) {
		return rules().stream()
			.filter(r -> r.kind().equals(kind) && r.inForceOn(day))
			.max(Comparator.comparing(RetentionRule::validFrom));
	}

	/** The kinds of record that modules contribute, in the order the job takes them. */
	public List<RetentionSource> sources() {
		return sources.orderedStream()
			.sorted(Comparator.comparingInt(RetentionSource::order).thenComparing(RetentionSource::kind))
			.toList();
	}

	/** The cutoff of a rule on a day: records counted from before it have expired. */
	public RetentionCutoff cutoff(RetentionRule rule, LocalDate asOf) {
		LocalDate date = asOf.minus(rule.keepFor());
		ZoneId zone = clock.getZone();
		return new RetentionCutoff(date, date.atStartOfDay(zone).toInstant());
	}

	/** Per kind: the rule in force on the day, and how many records would go and the oldest of them. */
	public List<Preview> dryRun(LocalDate asOf) {
		return sources().stream().map(source -> {
			Optional<RetentionRule> rule = ruleInForce(source.kind(), asOf);
			RetentionSource.Expired expired = rule.map(r -> source.expired(cutoff(r, asOf)))
				.orElse(RetentionSource.Expired.NONE);
			return new Preview(source.kind(), source.action(), source.enforced(), rule.orElse(null),
					rule.map(r -> cutoff(r, asOf).date()).orElse(null), expired.count(), expired.oldest());
		}).toList();
	}

	/**
	 * Deletes or anonymises what has expired on the day, kind by kind, at most {@code maxBatches} batches in all (tests
	 * stop a run midway with it) and for at most the configured run time.
	 */
	public RunResult run(LocalDate asOf, long maxBatches) {
		return run(asOf, maxBatches, settings.batchSize());
	}

	/** As {@link #run(LocalDate, long)}, with {@code batchSize} records per transaction instead of the configured. */
	public RunResult run(LocalDate asOf, long maxBatches, int batchSize) {
		Instant started = clock.instant();
		Instant deadline = started.plus(settings.maxRunTime());
		long runId = jdbc.sql("INSERT INTO retention_run (as_of, started_at) VALUES (?, ?) RETURNING id")
			.params(Date.valueOf(asOf), Timestamp.from(started))
			.query(Long.class)
			.single();
		Map<String, Long> removed = new LinkedHashMap<>();
		long batches = 0;
		Outcome outcome = Outcome.DONE;
		String current = null;
		try {
			kinds: for (RetentionSource source : sources()) {
				current = source.kind();
				Optional<RetentionRule> rule = ruleInForce(source.kind(), asOf);
				if (rule.isEmpty()) {
					log.warn("Retention run {}: no rule in force for {} on {}; nothing removed", runId, source.kind(), asOf);
					continue;
				}
				if (!source.enforced()) {
					log.info("Retention run {}: {} is listed but not removed by this job", runId, source.kind());
					continue;
				}
				RetentionCutoff cutoff = cutoff(rule.get(), asOf);
				long kindCount = 0;
				while (true) {
					if (batches >= maxBatches || clock.instant().isAfter(deadline)) {
						outcome = Outcome.STOPPED;
						removed.put(source.kind(), kindCount);
						break kinds;
					}
					int n = tx.execute(status -> batch(runId, source, cutoff, batchSize));
					batches++;
					kindCount += n;
					if (n < batchSize) {
						break;
					}
					pause();
				}
				removed.put(source.kind(), kindCount);
				log.info("Retention run {}: {} {} {} records (cutoff {})", runId, source.kind(),
						source.action() == RetentionAction.DELETE ? "deleted" : "anonymised", kindCount, cutoff.date());
			}
		}
		catch (RuntimeException e) {
			outcome = Outcome.FAILED;
			// the exception's class only: a database error's message can quote the values of a row
			log.error("Retention run {} failed at {}: {}", runId, current, e.getClass().getName());
		}
		jdbc.sql("UPDATE retention_run SET finished_at = ?, outcome = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), outcome.name(), runId)
			.update();
		log.info("Retention run {} as of {}: {} after {} batches", runId, asOf, outcome, batches);
		return new RunResult(runId, outcome, removed);
	}

	private int batch(long runId, RetentionSource source, RetentionCutoff cutoff, int batchSize) {
		int n = source.remove(cutoff, batchSize);
		if (n > 0) {
			jdbc.sql("""
					INSERT INTO retention_run_kind (run_id, kind, removed) VALUES (?, ?, ?)
					ON CONFLICT (run_id, kind) DO UPDATE SET removed = retention_run_kind.removed + EXCLUDED.removed""")
				.params(runId, source.kind(), n)
				.update();
		}
		return n;
	}

	private void pause() {
		if (settings.pauseBetweenBatches().isZero()) {
			return;
		}
		try {
			Thread.sleep(settings.pauseBetweenBatches().toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The latest run, with what it removed per kind (committed batches only). */
	public Optional<LastRun> lastRun() {
		return jdbc.sql("SELECT id, as_of, started_at, finished_at, outcome FROM retention_run ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> new LastRun(rs.getLong("id"), rs.getDate("as_of").toLocalDate(),
					rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
					rs.getString("outcome"), removedIn(rs.getLong("id"))))
			.optional();
	}

	/** What a run removed per kind, from its committed batches. */
	public Map<String, Long> removedIn(long runId) {
		Map<String, Long> removed = new LinkedHashMap<>();
		jdbc.sql("SELECT kind, removed FROM retention_run_kind WHERE run_id = ? ORDER BY kind")
			.param(runId)
			.query(rs -> {
				removed.put(rs.getString("kind"), rs.getLong("removed"));
			});
		return removed;
	}

	/** How a run ended: everything expired is gone, it stopped at its time limit, or a batch failed. */
	public enum Outcome {
		DONE, STOPPED, FAILED
	}

	/**
	 * One kind in the dry run.
	 * @param rule the rule in force, or null if there is none (then nothing of the kind goes)
	 * @param cutoff records counted from before this day have expired, or null without a rule
	 */
	public record Preview(String kind, RetentionAction action, boolean enforced, RetentionRule rule, LocalDate cutoff,
			long count, LocalDate oldest) {
	}

	/** @param removed records removed per kind by this run */
	public record RunResult(long runId, Outcome outcome, Map<String, Long> removed) {
	}

	/** A run as the dry-run page shows it; outcome is null while it runs. */
	public record LastRun(long id, LocalDate asOf, Instant startedAt, Instant finishedAt, String outcome,
			Map<String, Long> removed) {
	}
}
