package dk.vaerdig.access;

/**
 * A way for candidates to log in, offered on the candidate login page ({@code /min-side/login}): a bean of this type
 * adds a link. The demo's test login is one; MitID through NemLog-in (SAML, {@code vaerdig.access.saml.mitid}) is another,
 * and MitID through an OIDC broker ({@code vaerdig.access.mitid-oidc}) a third.
 *
 * @param path where the login starts
 * @param labelKey the message key of the link's text
 * @param hintKey the message key of a sentence under the link, or null
 */
public record CandidateLoginOption(String path, String labelKey, String hintKey) {
}
