package dk.vaerdig.casework;

/**
 * How a candidate can be reached, for modules that send them messages (not for showing): the first name to greet
 * them by, and the phone number and e-mail address from the case, either of which may be missing.
 */
public record ContactDetails(long candidateId, String firstName, String phone, String email) {
}
