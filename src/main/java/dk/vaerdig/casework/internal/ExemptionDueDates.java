package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The due dates of candidates with exemptions, worked out again with the pause rule ({@link Timeliness#due}): an
 * exemption registered before the rule existed kept its old due date until the case's next change. Runs when the app
 * is ready (in the background) and every night on one node (ShedLock); a due date that is right already is not
 * touched, so running it again changes nothing. Only open courses; a thousand candidates to a transaction.
 */
@Component
public class ExemptionDueDates {

	private static final Logger log = LoggerFactory.getLogger(ExemptionDueDates.class);

	private record Row(long id, String targetGroupCode, LocalDate courseStarted, LocalDate lastMeetingOn,
			LocalDate nextMeetingDue) {
	}

	private final JdbcClient jdbc;

	private final Timeliness timeliness;

	private final TransactionTemplate transactions;

	ExemptionDueDates(JdbcClient jdbc, Timeliness timeliness, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.timeliness = timeliness;
		this.transactions = transactions;
	}

	/** Works the due dates out again; answers how many changed. */
	public int recompute() {
		int changed = 0;
		long after = 0;
		while (true) {
			List<Row> rows = jdbc.sql("""
					SELECT c.id, c.target_group_code, c.course_started, c.last_meeting_on, c.next_meeting_due
					FROM candidate c
					WHERE c.id > ? AND c.course_closed_on IS NULL
					  AND EXISTS (SELECT 1 FROM reform_exemption e WHERE e.candidate_id = c.id AND e.kind <> 'OFFERS')
					ORDER BY c.id LIMIT 1000""")
				.param(after)
				.query(Row.class)
				.list();
			if (rows.isEmpty()) {
				return changed;
			}
			after = rows.get(rows.size() - 1).id();
			Integer n = transactions.execute(tx -> update(rows));
			changed += n == null ? 0 : n;
		}
	}

	private int update(List<Row> rows) {
		Map<Long, List<Timeliness.Pause>> pauses = timeliness.pausesOf(rows.stream().map(Row::id).toList());
		int n = 0;
		for (Row r : rows) {
			boolean first = r.lastMeetingOn() == null;
			Optional<Timeliness.Due> due = timeliness.due(r.targetGroupCode(),
					first ? r.courseStarted() : r.lastMeetingOn(), first, pauses.getOrDefault(r.id(), List.of()));
			if (due.isEmpty() || due.get().date().equals(r.nextMeetingDue())) {
				continue;
			}
			n += jdbc.sql("""
					UPDATE candidate SET next_meeting_due = ?, due_rule_id = ?, version = version + 1
					WHERE id = ? AND next_meeting_due IS DISTINCT FROM ?""")
				.params(Date.valueOf(due.get().date()), due.get().rule().id(), r.id(), Date.valueOf(due.get().date()))
				.update();
		}
		return n;
	}

	@Scheduled(cron = "${vaerdig.casework.exemption-due-dates-cron:0 45 3 * * *}",
			zone = "${vaerdig.platform.zone:Europe/Copenhagen}")
	@SchedulerLock(name = "exemption-due-dates", lockAtMostFor = "1h")
	void nightly() {
		int n = recompute();
		if (n > 0) {
			log.info("Moved the due dates of {} candidates with exemptions to the pause rule", n);
		}
	}

	/** Once when the app is ready, in the background, so exemptions of before the rule are right from the start. */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		Thread thread = new Thread(() -> {
			try {
				nightly();
			}
			catch (RuntimeException e) {
				log.warn("The due dates of candidates with exemptions were not worked out at start ({})", e.toString());
			}
		}, "exemption-due-dates");
		thread.setDaemon(true);
		thread.start();
	}
}
