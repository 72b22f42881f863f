/**
 * SMS and e-mail to candidates: an outbox written in the caller's transaction, delivered in the background with
 * retries through an SMS gateway or a mail server, or, in development, only to the log and a staff page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging", allowedDependencies = { "platform", "access" })
package dk.vaerdig.messaging;
