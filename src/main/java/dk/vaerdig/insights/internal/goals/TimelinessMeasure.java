package dk.vaerdig.insights.internal.goals;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.vaerdig.casework.MeetingTimeliness;
import dk.vaerdig.insights.GoalMeasure;

/** The share of the meetings held in a month that were held on time by the contact rules (see MeetingTimeliness). */
@Component
class TimelinessMeasure implements GoalMeasure {

	private final MeetingTimeliness timeliness;

	TimelinessMeasure(MeetingTimeliness timeliness) {
		this.timeliness = timeliness;
	}

	@Override
	public String code() {
		return "MEETINGS_ON_TIME";
	}

	@Override
	public Kind kind() {
		return Kind.SHARE;
	}

	@Override
	public Map<YearMonth, Count> monthly(YearMonth from, YearMonth to) {
		Map<YearMonth, Count> counts = new HashMap<>();
		timeliness.heldOnTime(from, to).forEach((m, c) -> counts.put(m, new Count(c[0], c[1])));
		return counts;
	}
}
