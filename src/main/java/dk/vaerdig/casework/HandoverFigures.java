package dk.vaerdig.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.platform.WorkingDays;

/**
 * Whether handovers were acknowledged in time, as counts without any person, for other modules (insights: the
 * committee's report). A handover is counted in the month of its caseworker change (the municipality's date); its
 * deadline is {@link CaseworkSettings#handoverAcknowledgeWorkingDays} working days after that day, and it is in time
 * when the new caseworker acknowledged it on or before the deadline. A handover not yet acknowledged whose deadline has
 * not passed is not counted yet (it may still be in time). Callers apply the anonymity rule.
 */
@Service
public class HandoverFigures {

	/**
	 * One month's handovers.
	 * @param handovers caseworker changes of the month that are decided (acknowledged, or past their deadline)
	 * @param acknowledgedInTime of those, acknowledged on or before the deadline
	 */
	public record Month(YearMonth month, long handovers, long acknowledgedInTime) {
	}

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final CaseworkSettings settings;

	private final ZoneId zone;

	private final Clock clock;

	HandoverFigures(JdbcClient jdbc, WorkingDays workingDays, CaseworkSettings settings, PlatformSettings platform,
			Clock clock) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.settings = settings;
		this.zone = platform.zone();
		this.clock = clock;
	}

	/** The working days a new caseworker has to acknowledge a handover. */
	public int deadlineWorkingDays() {
		return settings.handoverAcknowledgeWorkingDays();
	}

	/** Every month from {@code from} to {@code to}, in order, with zeros for a month without handovers. */
	public List<Month> monthly(YearMonth from, YearMonth to) {
		Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		int months = (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
		long[] count = new long[Math.max(0, months)];
		long[] inTime = new long[count.length];
		jdbc.sql("SELECT created_at, acknowledged_at FROM handover WHERE created_at >= ? AND created_at < ?")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query(rs -> {
				LocalDate changed = rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate();
				Timestamp acknowledgedAt = rs.getTimestamp(2);
				LocalDate deadline = workingDays.plus(changed, settings.handoverAcknowledgeWorkingDays());
				LocalDate acknowledged = acknowledgedAt == null ? null : acknowledgedAt.toInstant().atZone(zone).toLocalDate();
				if (acknowledged == null && !today.isAfter(deadline)) {
					return;
				}
				YearMonth month = YearMonth.from(changed);
				int index = (int) (month.getYear() * 12L + month.getMonthValue() - from.getYear() * 12L
						- from.getMonthValue());
				count[index]++;
				if (acknowledged != null && !acknowledged.isAfter(deadline)) {
					inTime[index]++;
				}
			});
		List<Month> result = new ArrayList<>(count.length);
		for (int i = 0; i < count.length; i++) {
			result.add(new Month(from.plusMonths(i), count[i], inTime[i]));
		}
		return result;
	}
}
