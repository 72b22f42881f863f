package dk.vaerdig.employment.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * A pop-up booking (name and phone number, booked without login) is only needed for the session: it is deleted a
 * short while after the session began, cancelled or not. The session keeps its number of places booked.
 */
@Component
class PopupBookingRetention extends SqlRetentionSource {

	PopupBookingRetention(JdbcClient jdbc) {
		super(jdbc, "popup-booking", RetentionAction.DELETE, 100, Cutoff.TIMESTAMP,
				"""
				SELECT count(*), CAST(min(s.starts_at) AS DATE) FROM popup_session s
				JOIN popup_booking b ON b.session_id = s.id WHERE s.starts_at < ?""",
				"""
				DELETE FROM popup_booking x USING (
				  SELECT b.id FROM popup_session s JOIN popup_booking b ON b.session_id = s.id WHERE s.starts_at < ?
				  ORDER BY s.starts_at, b.id LIMIT ? FOR UPDATE OF b SKIP LOCKED) d
				WHERE x.id = d.id""");
	}
}
