package dk.vaerdig.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The answer to an address of a record with personal data (a case, a meeting, a letter, a complaint, a follow-up) that
 * either does not exist or belongs to a candidate the signed-in user may not see. Both get the same 404 page with the
 * same text, so nobody can find out by trying ids which records exist in other teams.
 */
public final class NotFoundOrNoAccess extends ResponseStatusException {

	public NotFoundOrNoAccess() {
		super(HttpStatus.NOT_FOUND, "error.notFoundOrNoAccess");
	}
}
