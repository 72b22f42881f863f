package dk.vaerdig.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.SignedIn;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.internal.CaseMessages;
import dk.vaerdig.casework.internal.ContactPreferences;

/**
 * The signed-in candidate's contact with the job centre, for their own pages (Min side): how they want to be
 * contacted, and their message thread with the job centre. As {@link OwnCourses}, every method takes the candidate
 * from the login ({@link SignedIn#candidate()}), never from the request, so a candidate only ever reads and writes
 * their own; a member of staff is refused with 403. The caller records the read in the audit log.
 */
@Service
public class OwnContact {

	/**
	 * A message of the thread as the candidate sees it.
	 * @param mine written by the candidate
	 * @param from the member of staff who wrote it (their name), or null for the candidate's own
	 * @param readByThem for the candidate's own: whether the job centre has read it
	 */
	public record OwnMessage(boolean mine, String from, Instant at, String body, boolean readByThem) {
	}

	private final SignedIn signedIn;

	private final ContactPreferences preferences;

	private final CaseMessages messages;

	private final StaffDirectory staff;

	OwnContact(SignedIn signedIn, ContactPreferences preferences, CaseMessages messages, StaffDirectory staff) {
		this.signedIn = signedIn;
		this.preferences = preferences;
		this.messages = messages;
		this.staff = staff;
	}

	private long me() {
		return signedIn.candidate().candidateId();
	}

	/** How the signed-in candidate wants to be contacted (the defaults, version 0, before they have said). */
	public ContactPreference preference() {
		return preferences.of(me());
	}

	/**
	 * Stores the candidate's choice, made from the version they were shown; on the timeline with {@code kandidaten}
	 * as the actor.
	 * @throws org.springframework.dao.OptimisticLockingFailureException when it was changed since
	 */
	public ContactPreference choose(ContactPreference wanted) {
		return preferences.save(me(), wanted, ContactPreferences.CANDIDATE);
	}

	/** The thread, oldest first; the job centre's messages count as read from now on. */
	@Transactional
	public List<OwnMessage> thread() {
		long me = me();
		List<CaseMessages.Message> thread = messages.thread(me);
		messages.markRead(me, false, ContactPreferences.CANDIDATE);
		return thread.stream()
			.map(m -> new OwnMessage(m.fromCandidate(),
					m.fromCandidate() ? null
							: staff.find(m.writtenBy()).map(StaffMember::displayName).orElse(null),
					m.writtenAt(), m.body(), m.fromCandidate() && m.readAt() != null))
			.toList();
	}

	/** The thread as it is, without marking anything read (for the candidate's copy of their data). */
	@Transactional(readOnly = true)
	public List<OwnMessage> threadForCopy() {
		return messages.thread(me())
			.stream()
			.map(m -> new OwnMessage(m.fromCandidate(), m.fromCandidate() ? null
					: staff.find(m.writtenBy()).map(StaffMember::displayName).orElse(null), m.writtenAt(), m.body(),
					m.fromCandidate() && m.readAt() != null))
			.toList();
	}

	/** Writes a message to the job centre; false when the same form was sent before. */
	public boolean write(String body, UUID requestId) {
		return messages.write(me(), true, ContactPreferences.CANDIDATE, body, requestId);
	}

	/** How many of the job centre's messages the candidate has not read yet. */
	public int unread() {
		return messages.unreadByCandidate(me());
	}
}
