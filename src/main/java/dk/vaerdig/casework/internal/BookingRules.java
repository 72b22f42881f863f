package dk.vaerdig.casework.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.platform.WorkingDays;

/**
 * The booking rules of Selvbook as dated data per target group (table {@code booking_rule}): the window in which a
 * candidate may book (from a number of Danish working days after today to a number of days ahead) and how many hours
 * before the meeting they may still rebook or cancel. A group that has ended (the 13 groups on 1 January 2027) is
 * read as its successor from then on. The rules change by migration, so they are read at most once a minute.
 */
@Service
public class BookingRules {

	public record BookingRule(long id, String targetGroupCode, LocalDate validFrom, LocalDate validTo,
			int earliestWorkingDays, int latestDays, int changeLimitHours) {

		boolean validOn(LocalDate day) {
			return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
		}
	}

	/**
	 * The window a candidate may book in on a day: slots starting from {@code from} (inclusive) up to {@code until}
	 * (exclusive), and the rule it comes from.
	 */
	public record Window(Instant from, Instant until, LocalDate firstDay, LocalDate lastDay, BookingRule rule) {

		public boolean contains(Instant at) {
			return !at.isBefore(from) && at.isBefore(until);
		}
	}

	private final LoadingCache<Boolean, List<BookingRule>> rules;

	private final TargetGroups groups;

	private final WorkingDays workingDays;

	private final ZoneId zone;

	BookingRules(JdbcClient jdbc, TargetGroups groups, WorkingDays workingDays, PlatformSettings settings) {
		this.rules = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(1))
			.build(k -> jdbc.sql("SELECT * FROM booking_rule ORDER BY target_group_code, valid_from")
				.query(BookingRule.class)
				.list());
		this.groups = groups;
		this.workingDays = workingDays;
		this.zone = settings.zone();
	}

	public List<BookingRule> all() {
		return rules.get(Boolean.TRUE);
	}

	/** The rule for the group on the day; a group that has ended by then is followed to its successor. */
	public Optional<BookingRule> ruleOn(String targetGroupCode, LocalDate day) {
		String code = targetGroupCode;
		for (int hops = 0; code != null && hops < 5; hops++) {
			String c = code;
			Optional<BookingRule> rule = all().stream()
				.filter(r -> r.targetGroupCode().equals(c) && r.validOn(day))
				.max(Comparator.comparing(BookingRule::validFrom));
			if (rule.isPresent()) {
				return rule;
			}
			code = groups.find(c).filter(g -> g.validTo() != null && !g.validTo().isAfter(day))
				.map(TargetGroups.TargetGroup::successorCode)
				.orElse(null);
		}
		return Optional.empty();
	}

	/** The window for a candidate of the group who books on {@code today}. */
	public Optional<Window> windowOn(String targetGroupCode, LocalDate today) {
		return ruleOn(targetGroupCode, today).map(rule -> {
			LocalDate first = rule.earliestWorkingDays() == 0 ? today : workingDays.plus(today, rule.earliestWorkingDays());
			LocalDate last = today.plusDays(rule.latestDays());
			return new Window(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), first,
					last, rule);
		});
	}

	/** Whether a booked meeting at {@code startsAt} may still be moved or cancelled by the candidate at {@code now}. */
	public boolean mayChange(BookingRule rule, Instant startsAt, Instant now) {
		return now.isBefore(startsAt.minus(Duration.ofHours(rule.changeLimitHours())));
	}
}
