package dk.vaerdig.letters;

/** A merged letter on its way to a candidate. */
public record OutgoingLetter(long letterId, long candidateId, String subject, String body) {
}
