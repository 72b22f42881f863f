/**
 * SMS and e-mail to candidates: an outbox written in the caller's transaction, delivered in the background with
 * retries through an SMS gateway or a mail server, or, in development, only to the log and a staff page. Each message
 * names its candidate; the staff page shows it only to those who may open the candidate's case, which the case file
 * decides through {@link dk.vaerdig.messaging.CandidateVisibility}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging", allowedDependencies = { "platform", "access" })
package dk.vaerdig.messaging;
