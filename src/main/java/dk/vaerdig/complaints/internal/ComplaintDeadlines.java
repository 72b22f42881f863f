package dk.vaerdig.complaints.internal;

import java.time.LocalDate;

import dk.vaerdig.platform.WorkingDays;

/**
 * The deadlines of Retssikkerhedsloven chapter 10: a candidate complains within 4 weeks of receiving the decision (the
 * same weekday four weeks later); the municipality sends a complaint it does not fully uphold to Ankestyrelsen within
 * 4 weeks of receiving it. A deadline that ends on a day the offices are closed moves to the next working day.
 */
public final class ComplaintDeadlines {

	private ComplaintDeadlines() {
	}

	public static LocalDate fourWeeksAfter(LocalDate day, WorkingDays workingDays) {
		return workingDays.plus(day.plusWeeks(4), 0);
	}

	public static boolean isLate(LocalDate complaintReceived, LocalDate decisionReceived, WorkingDays workingDays) {
		return complaintReceived.isAfter(fourWeeksAfter(decisionReceived, workingDays));
	}
}
