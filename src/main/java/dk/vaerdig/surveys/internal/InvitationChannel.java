package dk.vaerdig.surveys.internal;

/**
 * How an invitation reaches the candidate (SMS or e-mail through the municipality's gateway in production). The
 * default channel in development writes to the log and to an outbox that staff can read.
 */
public interface InvitationChannel {

	void send(Invitations.Invitation invitation, String link);
}
