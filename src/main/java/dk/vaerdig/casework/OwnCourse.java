package dk.vaerdig.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A candidate's own open course as they see it on their own pages (Min side): what is next, who their caseworker
 * is, and what has been agreed. Nothing a caseworker wrote for colleagues (notes, agenda, timeliness) is in it.
 *
 * @param firstName to greet them by
 * @param nextMeeting the next planned meeting, or null when none is planned
 * @param caseworker their caseworker, or null when the case has none
 * @param agreements the open agreements: who does what by when, the soonest first
 */
public record OwnCourse(String firstName, NextMeeting nextMeeting, Caseworker caseworker, List<OwnAgreement> agreements) {

	/**
	 * @param at when
	 * @param form how: {@code IN_PERSON}, {@code PHONE} or {@code VIDEO}
	 * @param place where, for a meeting in person (may be empty)
	 * @param with the caseworker's name
	 */
	public record NextMeeting(Instant at, String form, String place, String with) {
	}

	/** The caseworker, with a direct phone number and e-mail address where the staff row has them. */
	public record Caseworker(String name, String phone, String email) {
	}

	/**
	 * @param responsible who: {@code CANDIDATE} (you), {@code CASEWORKER} (we) or {@code TOGETHER}
	 * @param what what
	 * @param due by when, or null
	 */
	public record OwnAgreement(String responsible, String what, LocalDate due) {
	}
}
