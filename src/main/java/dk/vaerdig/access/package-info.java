/**
 * Staff users, teams and roles, login (form login, OIDC and SAML 2.0 by configuration), and the append-only, hash-chained
 * audit log of every read of a candidate's personal data, and retention: dated rules per kind of record, which the
 * other modules apply to their own records through {@link dk.vaerdig.access.RetentionSource}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access", allowedDependencies = "platform")
package dk.vaerdig.access;
